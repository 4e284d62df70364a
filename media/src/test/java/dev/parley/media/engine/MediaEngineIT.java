package dev.parley.media.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The media engine over real loopback sockets, with fake RTP peers: what each peer hears is decoded
 * and analysed, not taken from the engine's counters.
 */
class MediaEngineIT {
  private MediaEngine engine;
  private final List<FakeRtpPeer> peers = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    engine = new MediaEngine(new MediaEngineConfig("127.0.0.1", 40000, 40199, 1, Duration.ofSeconds(1)));
  }

  @AfterEach
  void stop() throws Exception {
    for (FakeRtpPeer p : peers) p.close();
    engine.close();
  }

  private MemberMedia join(RoomMedia room, double toneHz, MemberListener listener, boolean send) throws Exception {
    FakeRtpPeer peer = new FakeRtpPeer(toneHz);
    peers.add(peer);
    MemberMedia m = room.addMember(listener);
    m.configure(new RemoteMedia(peer.address(), 0, "PCMU", 20, 101, send, true));
    peer.start(m.localRtpPort());
    return m;
  }

  private static final MemberListener QUIET = () -> {};

  @Test
  void everyMemberHearsTheOthersButNotItself() throws Exception {
    RoomMedia room = engine.createRoom(new RoomMediaSpec("t", 8000, 20, 100, 0));
    double[] tones = {450, 700, 1100};
    for (double f : tones) join(room, f, QUIET, true);
    // On a loaded machine the last peer may start late: wait (bounded) until every peer has heard
    // 0.75 s of the full mix, then judge that stretch.
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!everyoneHearsTheOthers(tones) && System.nanoTime() < deadline) Thread.sleep(100);
    for (int i = 0; i < tones.length; i++) {
      short[] heard = peers.get(i).heard();
      assertThat(heard.length).as("peer %d received audio", i).isGreaterThan(8000);
      int from = heard.length - 6000;
      int to = heard.length;
      for (int j = 0; j < tones.length; j++) {
        double db = FakeRtpPeer.levelDb(heard, from, to, tones[j]);
        if (i == j) {
          assertThat(db).as("peer %d hears its own %s Hz", i, tones[j]).isLessThan(-60);
        } else {
          assertThat(db).as("peer %d hears %s Hz", i, tones[j]).isGreaterThan(-20);
        }
      }
    }
  }

  private boolean everyoneHearsTheOthers(double[] tones) {
    for (int i = 0; i < tones.length; i++) {
      short[] heard = peers.get(i).heard();
      if (heard.length <= 8000) return false;
      for (int j = 0; j < tones.length; j++) {
        if (i != j && FakeRtpPeer.levelDb(heard, heard.length - 6000, heard.length, tones[j]) <= -20) return false;
      }
    }
    return true;
  }

  @Test
  void listenersWhoDoNotTalkShareOneEncodedFrame() throws Exception {
    RoomMedia room = engine.createRoom(new RoomMediaSpec("t", 8000, 20, 100, 0));
    join(room, 500, QUIET, true);
    join(room, 0, QUIET, true);
    join(room, 0, QUIET, true);
    Thread.sleep(1000);
    List<byte[]> a = peers.get(1).receivedPayloads;
    List<byte[]> b = peers.get(2).receivedPayloads;
    assertThat(a).hasSizeGreaterThan(20);
    // The same tick's frame must be byte-identical for both silent listeners.
    synchronized (a) {
      synchronized (b) {
        byte[] last = a.get(a.size() - 5);
        assertThat(b.stream().anyMatch(p -> java.util.Arrays.equals(p, last))).isTrue();
      }
    }
  }

  @Test
  void aHeldMemberIsSentNothingAndNotMixed() throws Exception {
    RoomMedia room = engine.createRoom(new RoomMediaSpec("t", 8000, 20, 100, 0));
    join(room, 450, QUIET, true);
    MemberMedia held = join(room, 700, QUIET, true);
    held.configure(new RemoteMedia(peers.get(1).address(), 0, "PCMU", 20, 101, false, false));
    Thread.sleep(300);
    int before = peers.get(1).receivedPayloads.size();
    Thread.sleep(700);
    assertThat(peers.get(1).receivedPayloads.size() - before).isLessThanOrEqualTo(1);
    short[] heardByOther = peers.get(0).heard();
    int to = heardByOther.length;
    assertThat(FakeRtpPeer.levelDb(heardByOther, to - 4000, to, 700)).isLessThan(-60);
  }

  @Test
  void silenceFromAMemberIsReportedAfterTheTimeout() throws Exception {
    RoomMedia room = engine.createRoom(new RoomMediaSpec("t", 8000, 20, 100, 0));
    CountDownLatch timedOut = new CountDownLatch(1);
    join(room, 0, timedOut::countDown, true);
    assertThat(timedOut.await(3, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void garbageOnTheRtpPortIsCountedAndIgnored() throws Exception {
    RoomMedia room = engine.createRoom(new RoomMediaSpec("t", 8000, 20, 100, 0));
    MemberMedia m = join(room, 450, QUIET, true);
    join(room, 0, QUIET, true);
    try (var junk = java.nio.channels.DatagramChannel.open()) {
      for (int i = 0; i < 50; i++) {
        byte[] b = new byte[i % 7 == 0 ? 3 : 40];
        java.util.concurrent.ThreadLocalRandom.current().nextBytes(b);
        b[0] = (byte) (b[0] & 0x3f); // version 0: never valid RTP
        junk.send(java.nio.ByteBuffer.wrap(b), new java.net.InetSocketAddress("127.0.0.1", m.localRtpPort()));
      }
    }
    Thread.sleep(800);
    assertThat(m.stats().badPackets()).isGreaterThanOrEqualTo(50);
    short[] heard = peers.get(1).heard();
    assertThat(FakeRtpPeer.levelDb(heard, heard.length - 4000, heard.length, 450)).isGreaterThan(-20);
  }
}
