package dev.parley.media.engine;

import dev.parley.media.audio.Prompt;
import dev.parley.media.mixer.MixMinus;
import dev.parley.media.record.RoomRecorder;
import java.io.IOException;
import java.util.Arrays;

/**
 * The media side of one room: its members' streams and the mix, ticked by one media thread on
 * absolute deadlines.
 *
 * <p>Public methods may be called from any thread and only post operations. All mixing state is
 * touched by the owning {@link MediaWorker} alone, so rooms share no lock.
 */
public final class RoomMedia {
  private final RoomMediaSpec spec;
  private final MediaWorker worker;
  private final PortPool ports;
  private final long rtpTimeoutNanos;
  private final long intervalNanos;

  // --- media-thread state ---
  private MemberMedia[] members = new MemberMedia[8];
  private int memberCount;
  private final int frame;
  private final int[] acc;
  private final short[] sharedPcm;
  private final byte[][] sharedEncoded = new byte[CodecSlot.MAX][];
  private final int[] sharedEncodedLength = new int[CodecSlot.MAX];
  private final boolean[] sharedReady = new boolean[CodecSlot.MAX];
  /** Silence encoded once per codec, on first use, for deaf members: it never changes. */
  private final byte[][] silenceEncoded = new byte[CodecSlot.MAX][];
  private final int[] silenceEncodedLength = new int[CodecSlot.MAX];
  /**
   * One encoder per codec for the shared mix and its stream state (G.722's predictor, Opus's model);
   * members move between it and their own encoder as they start and stop talking, which their decoders
   * ride out as a short step in the signal.
   */
  private final EdgeEncoder[] sharedEncoders = new EdgeEncoder[CodecSlot.MAX];
  private final short[] roomPromptFrame;
  private final PromptPlayer roomPlayer = new PromptPlayer();
  private int noiseState = 0x2545F491;
  /** The recording tap: gets the room's full mix every tick. Media thread only. */
  private RoomRecorder recorder;
  long nextTickNanos;
  boolean closed;
  long overruns;

  RoomMedia(RoomMediaSpec spec, MediaWorker worker, PortPool ports, long rtpTimeoutNanos) {
    this.spec = spec;
    this.worker = worker;
    this.ports = ports;
    this.rtpTimeoutNanos = rtpTimeoutNanos;
    this.intervalNanos = spec.intervalMillis() * 1_000_000L;
    this.frame = spec.frameSamples();
    this.acc = new int[frame];
    this.sharedPcm = new short[frame];
    this.roomPromptFrame = new short[frame];
    for (int i = 0; i < CodecSlot.MAX; i++) sharedEncoded[i] = new byte[EdgeEncoder.MAX_FRAME_BYTES];
  }

  public RoomMediaSpec spec() {
    return spec;
  }

  /**
   * Allocates a member's RTP/RTCP ports (on the caller's thread, so the port is known for the SDP
   * answer) and adds the member to the room. It is mixed once {@link MemberMedia#configure} says
   * where to send and what codec to use.
   *
   * @throws IOException when no port pair is free
   */
  public MemberMedia addMember(MemberListener listener) throws IOException {
    MemberMedia m = new MemberMedia(this, worker, ports.allocate(), listener, rtpTimeoutNanos);
    worker.post(() -> addOnWorker(m));
    return m;
  }

  /** Plays prompts to everybody in the room (enter and exit sounds, announcements). */
  public void play(String tag, Prompt... prompts) {
    Prompt[] copy = prompts.clone();
    worker.post(() -> roomPlayer.start(copy, false, tag));
  }

  /**
   * Plays an announcement to everybody in the room: after what the room plays ({@code interrupt}
   * false) or instead of it and of everything queued (true). Its listener hears when it starts and
   * ends; an announcement still queued when the room closes is reported ended, interrupted.
   */
  public void announce(Announcement a, boolean interrupt) {
    worker.post(() -> {
      if (closed) a.listener().onPlaybackEnded(a.id(), true);
      else if (interrupt) roomPlayer.interruptWith(a);
      else roomPlayer.enqueue(a);
    });
  }

  /** Stops the room's prompt and every queued announcement (reported interrupted). */
  public void stopAnnouncements() {
    worker.post(roomPlayer::stop);
  }

  /**
   * Starts copying the room's full mix (every member and the room's prompts, limited as members hear
   * it) into {@code r} from the next tick. A recorder already attached is ended.
   */
  public void record(RoomRecorder r) {
    worker.post(() -> {
      if (recorder != null && recorder != r) recorder.end();
      if (closed) r.end();
      else recorder = r;
    });
  }

  /** Detaches and ends the recorder attached, if any. */
  public void stopRecording() {
    worker.post(this::endRecorder);
  }

  /** Removes every member and stops ticking this room. */
  public void close() {
    worker.post(() -> {
      endRecorder();
      roomPlayer.stop();
      for (int i = memberCount - 1; i >= 0; i--) removeOnWorker(members[i]);
      closed = true;
      worker.removeRoom(this);
    });
  }

  // ---------------------------------------------------------------- media thread

  MediaWorker worker() {
    return worker;
  }

  void addOnWorker(MemberMedia m) {
    if (closed) {
      m.closeSockets();
      return;
    }
    try {
      m.register(worker.selector());
    } catch (IOException e) {
      m.closeSockets();
      return;
    }
    if (memberCount == members.length) members = Arrays.copyOf(members, memberCount * 2);
    members[memberCount++] = m;
  }

  private void endRecorder() {
    if (recorder != null) recorder.end();
    recorder = null;
  }

  void removeOnWorker(MemberMedia m) {
    if (m.removed) return;
    m.removed = true;
    m.player.stop();
    drop(m);
    m.rtcpBye(System.nanoTime());
    if (m.handedOver()) m.unregister();
    else m.closeSockets();
  }

  /** Takes a member out of this room's mix and selector, keeping its sockets open for another room. */
  void detachOnWorker(MemberMedia m) {
    if (m.removed) return;
    m.removed = true;
    drop(m);
    m.rtcpBye(System.nanoTime());
    m.unregister();
  }

  private void drop(MemberMedia m) {
    for (int i = 0; i < memberCount; i++) {
      if (members[i] == m) {
        members[i] = members[--memberCount];
        members[memberCount] = null;
        break;
      }
    }
  }

  /** One mixer tick: pull, sum, mix-minus, encode once per codec where possible, send. */
  void tick(long nowNanos) {
    MixMinus.clear(acc, frame);
    int contributors = 0;
    for (int i = 0; i < memberCount; i++) {
      MemberMedia m = members[i];
      if (m.pullFrame(frame, spec.energyLevel(), nowNanos)) {
        MixMinus.accumulate(acc, m.in, frame, MixMinus.UNITY_GAIN);
        contributors++;
      }
    }
    boolean announcing = roomPlayer.active();
    if (announcing) {
      roomPlayer.read(roomPromptFrame, frame);
      MixMinus.accumulate(acc, roomPromptFrame, frame, MixMinus.UNITY_GAIN);
    } else if (contributors == 0 && spec.comfortNoiseLevel() > 0) {
      addComfortNoise();
    }
    Arrays.fill(sharedReady, false);
    boolean sharedPcmReady = false;
    if (recorder != null) {
      // The recording is what a listener who says nothing hears: the whole mix, limited.
      MixMinus.minus(acc, null, frame, MixMinus.UNITY_GAIN, sharedPcm);
      sharedPcmReady = true;
      recorder.offer(sharedPcm, frame);
    }
    for (int i = 0; i < memberCount; i++) {
      MemberMedia m = members[i];
      if (!m.sending()) {
        m.advancePlayerSilently(frame);
      } else if (m.hearsSilence()) {
        int slot = m.codecSlot;
        if (silenceEncoded[slot] == null) encodeSilence(slot);
        m.queue(silenceEncoded[slot], silenceEncodedLength[slot], frame, nowNanos, null);
      } else if (m.hearsSharedMix()) {
        int slot = m.codecSlot;
        if (!sharedReady[slot]) {
          if (!sharedPcmReady) {
            MixMinus.minus(acc, null, frame, MixMinus.UNITY_GAIN, sharedPcm);
            sharedPcmReady = true;
          }
          if (sharedEncoders[slot] == null) sharedEncoders[slot] = newEncoder(slot);
          sharedEncodedLength[slot] = sharedEncoders[slot].encode(sharedPcm, frame, sharedEncoded[slot]);
          sharedReady[slot] = true;
        }
        m.queue(sharedEncoded[slot], sharedEncodedLength[slot], frame, nowNanos, sharedPcm);
      } else {
        m.sendPersonal(acc, frame, nowNanos);
      }
      m.checkTimeout(nowNanos);
      m.rtcpTick(nowNanos);
    }
  }

  private void encodeSilence(int slot) {
    silenceEncoded[slot] = new byte[EdgeEncoder.MAX_FRAME_BYTES];
    silenceEncodedLength[slot] = newEncoder(slot).encode(new short[frame], frame, silenceEncoded[slot]);
  }

  private EdgeEncoder newEncoder(int slot) {
    // FEC in the shared stream: harmless to a decoder that ignores it (RFC 7587 §3.3), useful to the rest.
    return new EdgeEncoder(CodecSlot.type(slot), spec.rateHz(), frame, "useinbandfec=1");
  }

  private void addComfortNoise() {
    int level = spec.comfortNoiseLevel();
    int s = noiseState;
    for (int i = 0; i < frame; i++) {
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      acc[i] += (int) (((long) (s >> 16)) * level >> 15);
    }
    noiseState = s;
  }

  long intervalNanos() {
    return intervalNanos;
  }

  int memberCountOnWorker() {
    return memberCount;
  }
}
