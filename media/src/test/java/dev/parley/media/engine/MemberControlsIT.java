package dev.parley.media.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.media.audio.Prompt;
import dev.parley.media.audio.Tones;
import dev.parley.media.rtp.RtpPacket;
import dev.parley.media.rtp.RtpSeq;
import dev.parley.media.rtp.TelephoneEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Member controls over real loopback sockets: DTMF in (RFC 4733 and in-band), DTMF out on the wire,
 * deafness and the per-member energy gate.
 */
class MemberControlsIT {
  private static final int TE = 101;
  private MediaEngine engine;
  private RoomMedia room;
  private final List<FakeRtpPeer> peers = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    engine = new MediaEngine(new MediaEngineConfig("127.0.0.1", 40200, 40399, 1, Duration.ofSeconds(5)));
    room = engine.createRoom(new RoomMediaSpec("t", 8000, 20, 100, 0));
  }

  @AfterEach
  void stop() throws Exception {
    for (FakeRtpPeer p : peers) p.close();
    engine.close();
  }

  /** Collects onDtmf calls as "digit durationMillis inBand". */
  static final class Keys implements MemberListener {
    final LinkedBlockingQueue<String> pressed = new LinkedBlockingQueue<>();
    final LinkedBlockingQueue<Integer> durations = new LinkedBlockingQueue<>();

    @Override
    public void onRtpTimeout() {}

    @Override
    public void onDtmf(char digit, int durationMillis, boolean inBand) {
      pressed.add(digit + (inBand ? " in-band" : " rfc4733"));
      durations.add(durationMillis);
    }

    String next() throws InterruptedException {
      return pressed.poll(3, TimeUnit.SECONDS);
    }
  }

  private MemberMedia join(FakeRtpPeer.Source audio, MemberListener listener, int telephoneEventPt) throws Exception {
    FakeRtpPeer peer = new FakeRtpPeer(audio);
    peers.add(peer);
    MemberMedia m = room.addMember(listener);
    m.configure(new RemoteMedia(peer.address(), 0, "PCMU", 20, telephoneEventPt, true, true));
    peer.start(m.localRtpPort());
    return m;
  }

  private MemberMedia join(double toneHz, MemberListener listener) throws Exception {
    return join(toneHz <= 0 ? null : tone(toneHz), listener, TE);
  }

  private static FakeRtpPeer.Source tone(double hz) {
    return i -> (short) (8000 * Math.sin(2 * Math.PI * hz * i / 8000.0));
  }

  private static final MemberListener QUIET = () -> {};

  /** Sends one key as RFC 4733 packets every 20 ms from the peer, under its own SSRC like sipp. */
  private static void sendKey(FakeRtpPeer peer, int seq, long ts, char digit, int updates, int endCopies) throws Exception {
    byte[] b = new byte[16];
    int event = TelephoneEvent.eventOf(digit);
    for (int i = 1; i <= updates + endCopies; i++) {
      boolean end = i > updates;
      int duration = Math.min(i, updates + 1) * 160;
      RtpPacket.writeHeader(b, 0, i == 1, TE, seq++ & 0xffff, ts, 0xD7F0);
      TelephoneEvent.write(b, 12, event, end, 10, duration);
      peer.sendRaw(b, 16);
      LockSupport.parkNanos(20_000_000L);
    }
  }

  @Test
  void anRfc4733KeyIsReportedOnceAlthoughItsEndIsSentThreeTimes() throws Exception {
    Keys keys = new Keys();
    MemberMedia m = join(450, keys);
    join(0, QUIET);
    Thread.sleep(300);
    sendKey(peers.get(0), 1000, 90_000, '1', 4, 3);
    assertThat(keys.next()).isEqualTo("1 rfc4733");
    assertThat(keys.durations.poll()).isEqualTo(100);
    Thread.sleep(400);
    assertThat(keys.pressed).as("no second report").isEmpty();
    assertThat(m.stats().eventPacketsReceived()).isEqualTo(7);
    assertThat(m.stats().unknownPayloadPackets()).isZero();
  }

  @Test
  void anRfc4733KeyWhoseEndPacketsAreLostIsStillReportedOnce() throws Exception {
    Keys keys = new Keys();
    join(450, keys);
    Thread.sleep(300);
    sendKey(peers.get(0), 1000, 90_000, '#', 6, 0);
    sendKey(peers.get(0), 1010, 92_000, '9', 4, 3);
    assertThat(keys.next()).isEqualTo("# rfc4733");
    assertThat(keys.durations.poll()).isEqualTo(120); // the last update: 6 x 20 ms
    assertThat(keys.next()).isEqualTo("9 rfc4733");
    sendKey(peers.get(0), 1020, 95_000, '0', 3, 0);
    assertThat(keys.next()).as("ended by the timeout").isEqualTo("0 rfc4733");
    Thread.sleep(500);
    assertThat(keys.pressed).isEmpty();
  }

  @Test
  void eventsUnderAnotherSsrcDoNotDisturbTheAudioStream() throws Exception {
    join(450, new Keys());
    join(0, QUIET);
    Thread.sleep(400);
    for (int k = 0; k < 5; k++) sendKey(peers.get(0), 2000 + 10 * k, 200_000 + 2000L * k, '5', 4, 3);
    Thread.sleep(300);
    short[] heard = peers.get(1).heard();
    // The last 500 ms, while and after the events flowed: still the talker's tone, unbroken.
    assertThat(FakeRtpPeer.levelDb(heard, heard.length - 4000, heard.length, 450)).isGreaterThan(-20);
    assertThat(peers.get(0).receivedPackets).isNotEmpty();
  }

  @Test
  void inBandKeysAreDetectedForAMemberWithoutTelephoneEvent() throws Exception {
    short[] dial = pcm(Tones.sequence("dial",
        Tones.silence(400, 8000), key('4'), Tones.silence(150, 8000), key('#'), Tones.silence(150, 8000), key('4')));
    Keys keys = new Keys();
    join(i -> i < dial.length ? dial[(int) i] : 0, keys, -1);
    assertThat(keys.next()).isEqualTo("4 in-band");
    assertThat(keys.next()).isEqualTo("# in-band");
    assertThat(keys.next()).isEqualTo("4 in-band");
    assertThat(keys.durations).allSatisfy(ms -> assertThat(ms).isBetween(90, 140));
    Thread.sleep(300);
    assertThat(keys.pressed).isEmpty();
  }

  @Test
  void inBandDetectionIsOffWhenTelephoneEventWasNegotiated() throws Exception {
    short[] dial = pcm(Tones.sequence("dial", Tones.silence(300, 8000), key('4')));
    Keys keys = new Keys();
    join(i -> i < dial.length ? dial[(int) i] : 0, keys, TE);
    Thread.sleep(1000);
    assertThat(keys.pressed).isEmpty();
  }

  @Test
  void aDeafMemberHearsSilenceWhileOthersHearTheMix() throws Exception {
    join(450, QUIET);
    join(700, QUIET);
    MemberMedia deaf = join(0, QUIET);
    join(0, QUIET);
    deaf.setDeaf(true);
    Thread.sleep(1200);
    short[] d = peers.get(2).heard();
    short[] other = peers.get(3).heard();
    for (double hz : new double[] {450, 700}) {
      assertThat(FakeRtpPeer.levelDb(d, d.length - 4000, d.length, hz)).as("deaf hears %s Hz", hz).isLessThan(-60);
      assertThat(FakeRtpPeer.levelDb(other, other.length - 4000, other.length, hz)).isGreaterThan(-20);
    }
    // One silence frame for every deaf listener: PCMU 0 is 0xFF.
    byte[] last = peers.get(2).receivedPayloads.getLast();
    for (byte b : last) assertThat(b).isEqualTo((byte) 0xFF);
  }

  @Test
  void aDeafMemberStillHearsItsPrivatePrompt() throws Exception {
    join(450, QUIET);
    MemberMedia deaf = join(0, QUIET);
    deaf.setDeaf(true);
    deaf.play("beep", true, Tones.sine(1000, 1000, -12, 8000));
    Thread.sleep(1200);
    short[] d = peers.get(1).heard();
    assertThat(FakeRtpPeer.levelDb(d, d.length - 4000, d.length, 1000)).isGreaterThan(-20);
    assertThat(FakeRtpPeer.levelDb(d, d.length - 4000, d.length, 450)).isLessThan(-60);
    deaf.setDeaf(false);
    Thread.sleep(400);
    d = peers.get(1).heard();
    assertThat(FakeRtpPeer.levelDb(d, d.length - 2400, d.length, 450)).isGreaterThan(-20);
  }

  @Test
  void aMembersOwnEnergyLevelOverridesTheRoomsAndMinusOneRestoresIt() throws Exception {
    MemberMedia talker = join(450, QUIET);
    join(0, QUIET);
    talker.setEnergyLevel(20_000); // above the tone's mean amplitude of about 5100
    Thread.sleep(1000);
    short[] h = peers.get(1).heard();
    assertThat(FakeRtpPeer.levelDb(h, h.length - 4000, h.length, 450)).isLessThan(-60);
    talker.setEnergyLevel(-1);
    Thread.sleep(500);
    h = peers.get(1).heard();
    assertThat(FakeRtpPeer.levelDb(h, h.length - 2400, h.length, 450)).isGreaterThan(-20);
  }

  @Test
  void sendDtmfPutsRfc4733EventsOnTheWire() throws Exception {
    join(450, QUIET);
    MemberMedia m = join(0, QUIET);
    Thread.sleep(300);
    m.sendDtmf("1#");
    Thread.sleep(900);
    List<byte[]> packets;
    synchronized (peers.get(1).receivedPackets) {
      packets = new ArrayList<>(peers.get(1).receivedPackets);
    }
    RtpPacket p = new RtpPacket();
    TelephoneEvent e = new TelephoneEvent();
    int previousSeq = -1;
    List<String> events = new ArrayList<>();
    long eventTs = -1;
    long lastAudioTs = -1;
    boolean inEvent = false;
    for (byte[] b : packets) {
      assertThat(p.wrap(b, 0, b.length)).isTrue();
      if (previousSeq >= 0) assertThat(RtpSeq.diff(p.sequence(), previousSeq)).as("sequence continuous").isEqualTo(1);
      previousSeq = p.sequence();
      if (p.payloadType() == TE) {
        assertThat(e.wrap(b, p.payloadOffset(), p.payloadLength())).isTrue();
        if (p.marker()) {
          assertThat(p.timestamp()).as("an event starts after the audio before it").isGreaterThan(lastAudioTs);
          eventTs = p.timestamp();
          inEvent = true;
        }
        assertThat(inEvent).as("marker on the first packet of an event").isTrue();
        assertThat(p.timestamp()).as("timestamp fixed for the event").isEqualTo(eventTs);
        events.add(e.digit() + (e.end() ? "E" : "") + e.duration());
      } else {
        assertThat(p.payloadType()).isZero();
        if (inEvent) {
          assertThat(events.getLast()).as("no audio in the middle of an event").contains("E");
          assertThat(p.timestamp()).isGreaterThanOrEqualTo(eventTs + 800);
          inEvent = false;
        }
        lastAudioTs = p.timestamp();
      }
    }
    assertThat(events).containsExactly(
        "1160", "1320", "1480", "1640", "1E800", "1E800", "1E800",
        "#160", "#320", "#480", "#640", "#E800", "#E800", "#E800");
    assertThat(m.stats().eventPacketsSent()).isEqualTo(14);
  }

  @Test
  void sendDtmfIsANoOpWithoutTelephoneEvent() throws Exception {
    MemberMedia m = join(null, QUIET, -1);
    m.sendDtmf("123");
    Thread.sleep(600);
    assertThat(m.stats().eventPacketsSent()).isZero();
    assertThat(peers.getFirst().receivedPackets).isNotEmpty();
  }

  private static Prompt key(char digit) {
    String keys = "123A456B789C*0#D";
    double[] rows = {697, 770, 852, 941};
    double[] cols = {1209, 1336, 1477, 1633};
    int k = keys.indexOf(digit);
    return Tones.dual(rows[k / 4], cols[k % 4], 120, -10, 8000);
  }

  private static short[] pcm(Prompt p) {
    short[] s = new short[p.length()];
    p.copy(0, s, 0, s.length);
    return s;
  }
}
