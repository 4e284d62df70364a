package dev.parley.media.engine;

import dev.parley.media.audio.Prompt;
import dev.parley.media.codec.CodecType;
import dev.parley.media.codec.ComfortNoise;
import dev.parley.media.codec.L16Codec;
import dev.parley.media.dsp.DtmfDetector;
import dev.parley.media.jitter.JitterBuffer;
import dev.parley.media.jitter.JitterBufferConfig;
import dev.parley.media.jitter.JitterStats;
import dev.parley.media.mixer.MixMinus;
import dev.parley.media.mixer.TalkGate;
import dev.parley.media.rtcp.RtcpParser;
import dev.parley.media.rtcp.RtcpSession;
import dev.parley.media.rtcp.RtcpStats;
import dev.parley.media.rtp.RtpPacket;
import dev.parley.media.srtp.SrtpKeyPair;
import dev.parley.media.srtp.SrtpTransform;
import dev.parley.media.rtp.TelephoneEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One member's media: its RTP socket, jitter buffer, frames and outgoing packetiser, and its codec
 * edges ({@link EdgeDecoder}, {@link EdgeEncoder}: decode or encode plus resampling between the
 * codec's rate and the room's).
 *
 * <p>Public methods may be called from any thread: they post an operation to the room's media thread
 * and return. Every field below is touched by that media thread only, so the media path takes no lock.
 */
public final class MemberMedia {
  private static final int MAX_PACKET_BYTES = 1500;

  private final RoomMedia room;
  private final MediaWorker worker;
  private final PortPool.Pair ports;
  private final DatagramChannel rtpChannel;
  private final DatagramChannel rtcpChannel;
  /** Set when the sockets moved to another room's member: then removing this one must not close them. */
  private volatile boolean handedOver;
  private final int localPort;
  private final MemberListener listener;
  private final MemberStats stats = new MemberStats();
  private final long rtpTimeoutNanos;
  private volatile String codecName;

  // --- media-thread state ---
  final short[] in;
  final short[] out;
  final byte[] encoded;
  private final short[] promptFrame;
  private final JitterBuffer jitter;
  private final TalkGate gate = new TalkGate();
  final PromptPlayer player = new PromptPlayer();
  private final byte[] outFifo;
  private int outFifoLength;
  /** Room for an SRTP tag after the largest packet. */
  private final byte[] packet = new byte[MAX_PACKET_BYTES + 16];
  private final TelephoneEvent eventView = new TelephoneEvent();
  /** Both made for the codec's RTP clock, since RFC 4733 events count time in it (§2.1). */
  private TelephoneEventReceiver eventsIn;
  private TelephoneEventSender eventsOut;
  private final DtmfDetector inBandDtmf;
  /** RFC 3550 reports about this stream: reads theirs, writes ours on the RTCP socket. */
  private final RtcpSession rtcp;
  /** Where our reports go: the source of the member's RTCP once seen (symmetric, RFC 4961), else RTP port + 1. */
  private InetSocketAddress rtcpTarget;
  private InetSocketAddress rtcpLatched;
  /** The tick being sent, for the SR's timing. */
  private long sendNanos;
  /** RFC 3389 CN payload type, or -1. */
  private int comfortNoisePayloadType = -1;
  /** The level of the member's last SID while it is silent (no audio since), or -1: noise fills its gaps. */
  private int comfortNoiseLevelIn = -1;
  private final ComfortNoise noiseIn = new ComfortNoise();
  /** Sending: how long what the member hears has been silence-level, and whether we send SIDs for it. */
  private int silentMillis;
  private boolean sendingComfortNoise;
  private long nextSidNanos;

  /** SRTP of this stream (RFC 3711), both null for plain RTP. */
  private SrtpKeyPair srtpKeys;
  private SrtpTransform srtpOut;
  private SrtpTransform srtpIn;

  private InetSocketAddress target;
  private InetSocketAddress latched;
  private RemoteMedia remote;
  private long lastRxNanos;
  private boolean timeoutReported;
  private int payloadType = -1;
  private int telephoneEventPayloadType = -1;
  private CodecType codec;
  private EdgeEncoder encoder;
  private EdgeDecoder decoder;
  private String encoderFmtp;
  int codecSlot = -1;
  /** Sample-based codecs: payload bytes per packet of the negotiated ptime. */
  private int packetBytes;
  /** RTP ticks of one room frame on the codec's clock. */
  private int frameTicks;
  private boolean send;
  private boolean receive;
  boolean muted;
  boolean deaf;
  /** The member's own energy gate threshold, or -1 for the room's. */
  private int energyLevel = -1;
  int talkGainQ12 = MixMinus.UNITY_GAIN;
  int listenGainQ12 = MixMinus.UNITY_GAIN;
  boolean contributing;
  private boolean talking;
  private final long ssrc;
  private int sequence;
  private long timestamp;
  private boolean markNext = true;
  boolean removed;
  /** Where the member's decoded audio is being copied (a name being recorded), or null. */
  private short[] capture;
  private int captured;
  private Runnable captureDone;

  MemberMedia(RoomMedia room, MediaWorker worker, PortPool.Pair ports, MemberListener listener, long rtpTimeoutNanos) {
    this.room = room;
    this.worker = worker;
    this.ports = ports;
    this.rtpChannel = ports.rtp();
    this.rtcpChannel = ports.rtcp();
    this.localPort = ports.port();
    this.listener = listener;
    this.rtpTimeoutNanos = rtpTimeoutNanos;
    int frame = room.spec().frameSamples();
    this.in = new short[frame];
    this.out = new short[frame];
    this.encoded = new byte[EdgeEncoder.MAX_FRAME_BYTES];
    this.promptFrame = new short[frame];
    // What is left of the last tick (less than a packet) plus one room frame, at most MAX_FRAME_BYTES.
    this.outFifo = new byte[EdgeEncoder.MAX_FRAME_BYTES + 2 * MAX_PACKET_BYTES];
    this.jitter = new JitterBuffer(JitterBufferConfig.defaults(room.spec().rateHz()));
    this.eventsIn = new TelephoneEventReceiver(8000, listener);
    this.eventsOut = new TelephoneEventSender(8000);
    this.inBandDtmf = new DtmfDetector(room.spec().rateHz(), (digit, millis) -> listener.onDtmf(digit, millis, true));
    ThreadLocalRandom r = ThreadLocalRandom.current();
    this.ssrc = r.nextLong() & 0xffffffffL;
    this.sequence = r.nextInt(0x10000);
    this.timestamp = r.nextLong() & 0xffffffffL;
    this.rtcp = new RtcpSession(ssrc, "parley-" + Long.toHexString(ssrc) + "@" + localPort, worker.ntp, System.nanoTime());
  }

  /** The local RTP port to put in SDP; RTCP is this + 1. */
  public int localRtpPort() {
    return localPort;
  }

  public MemberStats stats() {
    return stats;
  }

  public JitterStats jitterStats() {
    return jitter.stats();
  }

  /** Round-trip time, jitter, loss both ways and MOS from RTCP (RFC 3550); updated every few seconds. */
  public RtcpStats rtcpStats() {
    return rtcp.stats();
  }

  /** Applies (or replaces, on re-INVITE) what signalling negotiated. */
  public void configure(RemoteMedia remote) {
    codecName = remote.encodingName();
    worker.post(() -> applyRemote(remote));
  }

  /**
   * The encoding last negotiated (e.g. {@code PCMU}), or null before any; for status displays. Kept
   * apart from the media thread's codec so other threads read it without touching media state.
   */
  public String codecName() {
    return codecName;
  }

  /** Mutes (the member's audio is not mixed) or unmutes. */
  public void setMuted(boolean value) {
    worker.post(() -> muted = value);
  }

  /**
   * A deaf member is sent silence instead of the room (its private prompts still play, so it hears
   * "you are muted" and feedback beeps); whether it is mixed is {@link #setMuted}'s business.
   */
  public void setDeaf(boolean value) {
    worker.post(() -> deaf = value);
  }

  /**
   * The member's own energy gate threshold, on the room's scale ({@link MixMinus#energy}: mean absolute
   * amplitude); -1 returns to the room's {@code energyLevel}.
   *
   * @throws IllegalArgumentException for values below -1
   */
  public void setEnergyLevel(int level) {
    if (level < -1) throw new IllegalArgumentException("energy level must be -1 (room default) or >= 0: " + level);
    worker.post(() -> energyLevel = level);
  }

  /**
   * Sends {@code digits} to the member as RFC 4733 events on its negotiated telephone-event payload
   * type: each key for about 100 ms, 50 ms apart; {@code w} and {@code ,} pause 500 ms, {@code W} one
   * second. Appends to digits still being sent. Does nothing when the member's SDP negotiated no
   * telephone-event (no in-band tones are generated).
   *
   * @throws IllegalArgumentException if {@code digits} holds anything but {@code 0-9 * # A-D a-d w W ,}
   */
  public void sendDtmf(String digits) {
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (!TelephoneEventSender.isDialable(c)) {
        throw new IllegalArgumentException("not a DTMF digit or pause: '" + c + "' in \"" + digits + "\"");
      }
    }
    worker.post(() -> {
      if (telephoneEventPayloadType >= 0) eventsOut.enqueue(digits);
    });
  }

  /** Gains in Q12 fixed point ({@link MixMinus#UNITY_GAIN} = 1.0). */
  public void setGains(int talkQ12, int listenQ12) {
    worker.post(() -> {
      talkGainQ12 = talkQ12;
      listenGainQ12 = listenQ12;
    });
  }

  /**
   * Plays prompts to this member only, on top of what the member hears; replaces what was playing.
   * When the sequence ends (and does not loop) the listener gets {@code onPlaybackDone(tag)}.
   */
  public void play(String tag, boolean loopLast, Prompt... prompts) {
    Prompt[] copy = prompts.clone();
    worker.post(() -> player.start(copy, loopLast, tag));
  }

  /**
   * Plays an announcement to this member only, on top of what it hears: after what plays to it
   * ({@code interrupt} false; a looping sound such as music gives way at once) or instead of it and of
   * everything queued. The listener hears when it starts and ends; it ends interrupted if the member
   * leaves first.
   */
  public void announce(Announcement a, boolean interrupt) {
    worker.post(() -> {
      if (removed) a.listener().onPlaybackEnded(a.id(), true);
      else if (interrupt) player.interruptWith(a);
      else player.enqueue(a);
    });
  }

  public void stopPlayback() {
    worker.post(player::stop);
  }

  /**
   * Copies what the member sends, decoded at the room's rate and whether muted or not, into {@code
   * into} from the next tick until it is full (a joiner recording its name). The buffer is the
   * caller's, so the media thread allocates nothing; {@code done} then runs on the media thread and
   * must only hand work on. A new capture replaces one still running (whose {@code done} never runs).
   */
  public void capture(short[] into, Runnable done) {
    worker.post(() -> {
      capture = into;
      captured = 0;
      captureDone = done;
    });
  }

  /** Leaves the mix and closes the sockets. Idempotent. */
  public void remove() {
    worker.post(() -> room.removeOnWorker(this));
  }

  // ---------------------------------------------------------------- media thread

  /**
   * Moves this member's stream into another room: the same sockets and negotiated media (so the phone
   * notices nothing but a new SSRC), a new place in the other room's mix. Returns the member's media
   * in the target room, which the caller then configures like a new member (mute, gains...). This
   * object is dead afterwards; its {@link #remove} no longer closes the sockets.
   */
  public MemberMedia moveTo(RoomMedia target, MemberListener newListener) {
    handedOver = true;
    MemberMedia moved = new MemberMedia(target, target.worker(), ports, newListener, rtpTimeoutNanos);
    worker.post(() -> {
      room.detachOnWorker(this);
      RemoteMedia r = remote;
      InetSocketAddress source = latched;
      target.worker().post(() -> {
        if (r != null) moved.applyRemote(r);
        moved.latched = source;
        if (source != null) moved.target = source;
        target.addOnWorker(moved);
      });
    });
    return moved;
  }

  /** Stops this member's sockets being read by this worker, without closing them. */
  void unregister() {
    var k = rtpChannel.keyFor(worker.selector());
    if (k != null) k.cancel();
    k = rtcpChannel.keyFor(worker.selector());
    if (k != null) k.cancel();
  }

  boolean handedOver() {
    return handedOver;
  }

  private void applyRemote(RemoteMedia remote) {
    this.remote = remote;
    if (!Objects.equals(remote.srtp(), srtpKeys)) {
      // Fresh SRTP state only for new keys: a re-INVITE that keeps them keeps the ROC and replay lists.
      srtpKeys = remote.srtp();
      srtpOut = srtpKeys == null ? null : new SrtpTransform(srtpKeys.ours());
      srtpIn = srtpKeys == null ? null : new SrtpTransform(srtpKeys.theirs());
    }
    int slot = CodecSlot.indexOf(remote.encodingName(), remote.clockRateHz());
    if (slot < 0) {
      throw new IllegalArgumentException("unsupported codec " + remote.encodingName() + "/" + remote.clockRateHz());
    }
    CodecType type = CodecSlot.type(slot);
    int rate = room.spec().rateHz();
    int frame = room.spec().frameSamples();
    if (type != codec || !Objects.equals(remote.fmtp(), encoderFmtp)) {
      // New per-stream state only when the codec changes (a re-INVITE for hold keeps the stream going).
      encoder = new EdgeEncoder(type, rate, frame, remote.fmtp());
      encoderFmtp = remote.fmtp();
    }
    if (type != codec) {
      decoder = new EdgeDecoder(type, rate);
      if (codec == null || codec.clockRateHz() != type.clockRateHz()) {
        eventsIn = new TelephoneEventReceiver(type.clockRateHz(), listener);
        eventsOut = new TelephoneEventSender(type.clockRateHz());
      }
      outFifoLength = 0;
    }
    codecSlot = slot;
    codec = type;
    rtcp.codec(type.encodingName(), type.clockRateHz());
    comfortNoisePayloadType = remote.comfortNoisePayloadType();
    if (comfortNoisePayloadType < 0) {
      comfortNoiseLevelIn = -1;
      sendingComfortNoise = false;
    }
    frameTicks = EdgeEncoder.frameTicks(type, frame, rate);
    payloadType = remote.payloadType();
    int te = remote.telephoneEventPayloadType();
    if (te != telephoneEventPayloadType) {
      if (te < 0) eventsOut.clear();
      inBandDtmf.reset();
      telephoneEventPayloadType = te;
    }
    if (!type.frameBased()) {
      // Encode one packet of silence with a scratch encoder to learn its size (set-up time, not per packet).
      int pcmRate = type.pcmRateHz(rate);
      // L16 at 48 kHz: a 20 ms packet is over the MTU, so the packets are shorter than the ptime asks.
      int ptime = type instanceof L16Codec l16 ? Math.min(remote.ptimeMillis(), l16.maxPtimeMillis()) : remote.ptimeMillis();
      int samples = ptime * pcmRate / 1000;
      packetBytes = type.newEncoder(pcmRate, samples, null).encode(new short[samples], 0, samples, new byte[samples * 2], 0);
    }
    if (latched == null && remote.address() != null) target = remote.address();
    boolean resumed = remote.send() && !send;
    send = remote.send();
    receive = remote.receive();
    if (resumed) {
      markNext = true;
      outFifoLength = 0;
    }
    lastRxNanos = System.nanoTime();
    timeoutReported = false;
  }

  void register(java.nio.channels.Selector selector) throws IOException {
    rtpChannel.register(selector, java.nio.channels.SelectionKey.OP_READ, this);
    rtcpChannel.register(selector, java.nio.channels.SelectionKey.OP_READ, rtcpKey);
    lastRxNanos = System.nanoTime();
  }

  /** Attachment of this member's RTCP key, so the worker tells RTCP from RTP without a lookup. */
  record RtcpKey(MemberMedia member) {}

  private final RtcpKey rtcpKey = new RtcpKey(this);

  /** Reads and parses every datagram waiting on the RTCP socket. */
  void drainRtcp(ByteBuffer buf, byte[] bytes, RtcpParser parser) {
    for (int i = 0; i < 16; i++) {
      SocketAddress src;
      try {
        buf.clear();
        src = rtcpChannel.receive(buf);
      } catch (IOException e) {
        continue; // an ICMP error surfaced on the socket
      }
      if (src == null) return;
      int len = buf.position();
      buf.flip();
      buf.get(bytes, 0, len);
      // Only from the host the RTP comes from (and so only once RTP has latched): a stranger must
      // neither feed our figures nor redirect our reports.
      InetSocketAddress from = (InetSocketAddress) src;
      if (latched == null || !from.getAddress().equals(latched.getAddress())) continue;
      // SRTCP (RFC 3711 §3.4): authenticated and decrypted in place, or ignored.
      if (srtpIn != null && (len = srtpIn.unprotectRtcp(bytes, 0, len)) < 0) continue;
      boolean valid = parser.parse(bytes, 0, len);
      if (valid && !from.equals(rtcpLatched)) {
        rtcpLatched = from;
        rtcpTarget = from;
      }
      // The arrival time is A of the RTT (RFC 3550 §6.4.1), so read now rather than the loop's time.
      rtcp.onReport(parser, valid, bytes, System.nanoTime(), jitter.stats().currentDelayMs());
    }
  }

  /** Sends our report when one is due (called every tick). */
  void rtcpTick(long nowNanos) {
    if (rtcpDestination() == null) {
      return;
    }
    int n = protectRtcp(rtcp.poll(nowNanos, sending()));
    if (n > 0) worker.send(rtcpChannel, rtcp.buffer(), n, rtcpTarget);
  }

  /** The member leaves: a last report with a BYE (RFC 3550 §6.6), if we know where to send it. */
  void rtcpBye(long nowNanos) {
    if (rtcpDestination() == null || !rtcpChannel.isOpen()) return;
    int n = protectRtcp(rtcp.goodbye(nowNanos, sending()));
    if (n > 0) worker.send(rtcpChannel, rtcp.buffer(), n, rtcpTarget);
  }

  /** SRTCP for an SRTP stream: the compound in {@code rtcp.buffer()} gets its index and tag in place. */
  private int protectRtcp(int n) {
    return n <= 0 || srtpOut == null ? n : srtpOut.protectRtcp(rtcp.buffer(), 0, n);
  }

  private InetSocketAddress rtcpDestination() {
    if (rtcpLatched == null && target != null && (rtcpTarget == null || rtcpTarget.getPort() != target.getPort() + 1
        || !rtcpTarget.getAddress().equals(target.getAddress()))) {
      // RFC 3550 §11: the next port up, until the member's own RTCP tells us better (set-up, not per packet).
      rtcpTarget = new InetSocketAddress(target.getAddress(), target.getPort() + 1);
    }
    return rtcpTarget;
  }

  /** Reads every datagram waiting on the RTP socket. */
  void drain(ByteBuffer buf, byte[] bytes, RtpPacket rtp, long nowNanos) {
    for (int i = 0; i < 64; i++) {
      SocketAddress src;
      try {
        buf.clear();
        src = rtpChannel.receive(buf);
      } catch (IOException e) {
        stats.badPackets++;
        continue;
      }
      if (src == null) return;
      int len = buf.position();
      buf.flip();
      buf.get(bytes, 0, len);
      onDatagram(bytes, len, (InetSocketAddress) src, rtp, nowNanos, System.nanoTime());
    }
  }

  /**
   * @param nowNanos the worker's loop time (what the jitter buffer schedules by)
   * @param arrivalNanos when this datagram was read: the loop time is taken once before a poll reads
   *     every socket of the worker, which at hundreds of members takes a millisecond or more, enough to
   *     show as false jitter in the RFC 3550 figures
   */
  private void onDatagram(byte[] bytes, int len, InetSocketAddress src, RtpPacket rtp, long nowNanos, long arrivalNanos) {
    if (RtpPacket.looksLikeRtcp(bytes, 0, len)) {
      stats.badPackets++;
      return;
    }
    // SRTP: authenticate and decrypt in place before anything (latching included) trusts the packet.
    if (srtpIn != null && (len = srtpIn.unprotectRtp(bytes, 0, len)) < 0) {
      stats.badPackets++;
      return;
    }
    if (!rtp.wrap(bytes, 0, len)) {
      stats.badPackets++;
      return;
    }
    // Symmetric RTP (RFC 4961): send to where the packets really come from, which behind NAT is not
    // what the SDP said. Re-latch only when the latched source has gone quiet, so a stray or spoofed
    // stream cannot steal the call.
    if (latched == null || (!latched.equals(src) && nowNanos - lastRxNanos > 2_000_000_000L)) {
      latched = src;
      target = src;
    } else if (!latched.equals(src)) {
      stats.foreignPackets++;
      return;
    }
    lastRxNanos = nowNanos;
    timeoutReported = false;
    stats.packetsReceived++;
    int pt = rtp.payloadType();
    if (pt == telephoneEventPayloadType) {
      // Events never reach the jitter buffer: they are not audio, and their SSRC may not be the audio's.
      if (eventView.wrap(bytes, rtp.payloadOffset(), rtp.payloadLength())) {
        stats.eventPacketsReceived++;
        eventsIn.onPacket(rtp.ssrc(), rtp.timestamp(), eventView, nowNanos);
      } else {
        stats.badPackets++;
      }
      return;
    }
    if (pt == comfortNoisePayloadType && comfortNoisePayloadType >= 0) {
      // RFC 3389: the member went silent; its gaps are played as noise at this level until audio resumes.
      int level = ComfortNoise.level(bytes, rtp.payloadOffset(), rtp.payloadLength());
      if (level >= 0) {
        comfortNoiseLevelIn = level;
        stats.comfortNoisePacketsReceived++;
      } else {
        stats.badPackets++;
      }
      return;
    }
    if (pt != payloadType || codec == null) {
      stats.unknownPayloadPackets++;
      return;
    }
    comfortNoiseLevelIn = -1;
    rtcp.onReceived(rtp.ssrc(), rtp.sequence(), rtp.timestamp(), arrivalNanos);
    if (!decoder.receive(rtp.ssrc(), rtp.sequence(), rtp.timestamp(), bytes, rtp.payloadOffset(), rtp.payloadLength(),
        jitter, nowNanos)) {
      stats.badPackets++;
    }
  }

  /**
   * Pulls this tick's frame into {@link #in} and decides whether it is mixed.
   *
   * @return true if the member contributes to this tick's mix
   */
  boolean pullFrame(int frame, int roomEnergyLevel, long nowNanos) {
    JitterBuffer.Playout kind = jitter.read(in, 0, frame);
    if (kind != JitterBuffer.Playout.AUDIO && comfortNoiseLevelIn >= 0) {
      // Instead of concealment or silence: the noise the member's SID described (RFC 3389 §4).
      noiseIn.fill(in, 0, frame, comfortNoiseLevelIn);
      kind = JitterBuffer.Playout.AUDIO;
    }
    eventsIn.tick(nowNanos);
    if (capture != null) captureFrame(frame);
    // Keys work while muted: they are how a member unmutes.
    if (receive && codec != null && telephoneEventPayloadType < 0) inBandDtmf.process(in, 0, frame);
    boolean pass;
    if (kind == JitterBuffer.Playout.SILENCE || muted || !receive) {
      gate.reset();
      pass = false;
    } else {
      pass = gate.pass(MixMinus.energy(in, frame), energyLevel >= 0 ? energyLevel : roomEnergyLevel);
    }
    if (pass != talking) {
      talking = pass;
      listener.onTalking(pass);
    }
    if (pass) MixMinus.scale(in, frame, talkGainQ12);
    contributing = pass;
    return pass;
  }

  private void captureFrame(int frame) {
    int n = Math.min(frame, capture.length - captured);
    System.arraycopy(in, 0, capture, captured, n);
    captured += n;
    if (captured < capture.length) return;
    Runnable done = captureDone;
    capture = null;
    captureDone = null;
    done.run();
  }

  /** True when the shared mix can be sent as is: nothing personal to add for this member. */
  boolean hearsSharedMix() {
    return !deaf && !contributing && listenGainQ12 == MixMinus.UNITY_GAIN && !player.active();
  }

  boolean sending() {
    return send && target != null && codec != null;
  }

  /** True when the member is sent plain silence: deaf, with no private prompt to hear. */
  boolean hearsSilence() {
    return deaf && !player.active();
  }

  /**
   * Builds this member's own frame from the room accumulator (silence when deaf), encodes it and
   * queues it.
   */
  void sendPersonal(int[] acc, int frame, long nowNanos) {
    if (deaf) {
      Arrays.fill(out, 0, frame, (short) 0);
    } else {
      MixMinus.minus(acc, contributing ? in : null, frame, listenGainQ12, out);
    }
    if (player.active()) {
      boolean ended = player.read(promptFrame, frame);
      MixMinus.overlay(out, promptFrame, 0, frame);
      if (ended) listener.onPlaybackDone(player.tag());
    }
    int n = encoder.encode(out, frame, encoded);
    queue(encoded, n, frame, nowNanos, out);
  }

  /**
   * Queues already encoded bytes (the shared mix) and sends whole packets; while an RFC 4733 event is
   * being sent, the audio packets of the tick are dropped instead (their timestamps still pass, so the
   * RTP clock keeps time) and the event packet goes in their place.
   */
  void queue(byte[] payload, int length, int frame, long nowNanos, short[] pcm) {
    sendNanos = nowNanos;
    boolean event = telephoneEventPayloadType >= 0 && eventsOut.tick(frameTicks, timestamp);
    int sidLevel = event ? -1 : comfortNoiseTick(pcm, frame, nowNanos);
    boolean drop = event || sendingComfortNoise;
    if (codec.frameBased()) {
      // One encoded frame is one packet (RFC 7587 §4.2 allows several, we never need them).
      if (!drop && length > 0) sendPacket(payload, length);
      if (sidLevel >= 0) sendSid(sidLevel);
      timestamp = (timestamp + frameTicks) & 0xffffffffL;
    } else {
      if (sidLevel >= 0) sendSid(sidLevel);
      if (outFifoLength + length > outFifo.length) outFifoLength = 0; // cannot happen with valid ptimes
      System.arraycopy(payload, 0, outFifo, outFifoLength, length);
      outFifoLength += length;
      while (outFifoLength >= packetBytes) {
        takePacket(packetBytes, !drop);
      }
    }
    if (event) sendEventPacket();
  }

  /** Silence-level frames for this long start CN; then a SID goes every {@link #SID_INTERVAL_NANOS}. */
  static final int COMFORT_NOISE_HANGOVER_MILLIS = 200;
  static final long SID_INTERVAL_NANOS = 500_000_000L;
  /** Mean absolute amplitude at or below which a frame counts as silence (about -52 dBov). */
  static final int SILENCE_ENERGY = 64;

  /**
   * RFC 3389 on send, when negotiated and the room sends CN: decides whether this tick's audio is
   * replaced by comfort noise, and whether a SID is due.
   *
   * @param pcm the frame the member hears at the room's rate, or null for digital silence
   * @return the SID level to send now, or -1
   */
  private int comfortNoiseTick(short[] pcm, int frame, long nowNanos) {
    if (comfortNoisePayloadType < 0 || !room.spec().comfortNoiseSend()) return -1;
    int energy = pcm == null ? 0 : MixMinus.energy(pcm, frame);
    // Above the room's own comfort noise (peak level, so mean |x| about half of it) counts as sound.
    if (energy > Math.max(SILENCE_ENERGY, room.spec().comfortNoiseLevel() / 2 + 16)) {
      silentMillis = 0;
      if (sendingComfortNoise) {
        sendingComfortNoise = false;
        markNext = true; // RFC 3551 §4.1: the first packet after a silence carries the marker
      }
      return -1;
    }
    silentMillis += room.spec().intervalMillis();
    if (silentMillis < COMFORT_NOISE_HANGOVER_MILLIS) return -1;
    if (!sendingComfortNoise) {
      sendingComfortNoise = true;
      nextSidNanos = nowNanos;
    }
    if (nowNanos - nextSidNanos < 0) return -1;
    nextSidNanos = nowNanos + SID_INTERVAL_NANOS;
    return ComfortNoise.levelOfMeanAbs(energy);
  }

  private void sendSid(int level) {
    int h = RtpPacket.writeHeader(packet, 0, false, comfortNoisePayloadType, sequence, timestamp, ssrc);
    int n = ComfortNoise.writeSid(packet, h, level);
    sequence = (sequence + 1) & 0xffff;
    worker.send(rtpChannel, packet, h + n, target);
    stats.packetsSent++;
    stats.comfortNoisePacketsSent++;
    rtcp.onSentEvent(1);
  }

  private void sendPacket(byte[] payload, int length) {
    int h = RtpPacket.writeHeader(packet, 0, markNext, payloadType, sequence, timestamp, ssrc);
    System.arraycopy(payload, 0, packet, h, length);
    markNext = false;
    sequence = (sequence + 1) & 0xffff;
    worker.send(rtpChannel, packet, protect(h + length), target);
    stats.packetsSent++;
    rtcp.onSent(length, timestamp, sendNanos);
  }

  /** SRTP-protects the packet in {@code packet} when the stream is secure; its length on the wire. */
  private int protect(int length) {
    return srtpOut == null ? length : srtpOut.protectRtp(packet, 0, length);
  }

  private void takePacket(int payloadBytes, boolean send) {
    // Only packets on the wire take a sequence number, so events and audio count on without gaps.
    if (send) sendPacket(outFifo, payloadBytes);
    outFifoLength -= payloadBytes;
    if (outFifoLength > 0) System.arraycopy(outFifo, payloadBytes, outFifo, 0, outFifoLength);
    // G.711 carries a sample per byte, G.722 two samples per byte on a clock of half its rate
    // (RFC 3551 §4.5.2): for both the payload length is the timestamp step.
    timestamp = (timestamp + codec.rtpTicks(payloadBytes)) & 0xffffffffL;
  }

  private void sendEventPacket() {
    int h = RtpPacket.writeHeader(
        packet, 0, eventsOut.marker(), telephoneEventPayloadType, sequence, eventsOut.timestamp(), ssrc);
    int n = TelephoneEvent.write(
        packet, h, eventsOut.event(), eventsOut.end(), TelephoneEventSender.VOLUME, eventsOut.durationSamples());
    sequence = (sequence + 1) & 0xffff;
    worker.send(rtpChannel, packet, protect(h + n), target);
    stats.packetsSent++;
    stats.eventPacketsSent++;
    rtcp.onSentEvent(n);
  }

  /** Advances a private prompt while the member is not sent anything, so timing stays true. */
  void advancePlayerSilently(int frame) {
    if (player.active() && player.read(promptFrame, frame)) listener.onPlaybackDone(player.tag());
  }

  void checkTimeout(long nowNanos) {
    if (!timeoutReported && receive && codec != null && nowNanos - lastRxNanos > rtpTimeoutNanos) {
      timeoutReported = true;
      listener.onRtpTimeout();
    }
  }

  void closeSockets() {
    try {
      rtpChannel.close();
    } catch (IOException ignored) {
      // closing a datagram socket cannot fail in a way we could act on
    }
    try {
      rtcpChannel.close();
    } catch (IOException ignored) {
      // as above
    }
  }
}
