package dev.parley.media.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link MemberMedia#capture} over real loopback sockets: a muted member's audio (a joiner saying its
 * name before it joins) is copied into the given buffer, which then holds what it sent.
 */
class MemberCaptureIT {
  private MediaEngine engine;
  private RoomMedia room;
  private FakeRtpPeer peer;

  @BeforeEach
  void start() throws Exception {
    engine = new MediaEngine(new MediaEngineConfig("127.0.0.1", 40700, 40799, 1, Duration.ofSeconds(5)));
    room = engine.createRoom(new RoomMediaSpec("t", 8000, 20, 100, 0));
  }

  @AfterEach
  void stop() throws Exception {
    if (peer != null) peer.close();
    engine.close();
  }

  @Test
  void aMutedMembersAudioIsCapturedUntilTheBufferIsFull() throws Exception {
    peer = new FakeRtpPeer(i -> (short) (8000 * Math.sin(2 * Math.PI * 1000 * i / 8000.0)));
    MemberMedia m = room.addMember(() -> {});
    m.setMuted(true);
    m.setDeaf(true);
    m.configure(new RemoteMedia(peer.address(), 0, "PCMU", 20, -1, true, true));
    peer.start(m.localRtpPort());
    // Two seconds; the first may start before the peer's packets do, so only the second is judged.
    short[] name = new short[16000];
    CountDownLatch done = new CountDownLatch(1);
    m.capture(name, done::countDown);
    assertThat(done.await(10, TimeUnit.SECONDS)).as("the capture completes").isTrue();
    double at1000 = power(name, 8000, 16000, 1000), at600 = power(name, 8000, 16000, 600);
    assertThat(at1000).as("the tone the member sent, at 1000 Hz vs 600 Hz").isGreaterThan(100 * at600);
    assertThat(rms(name, 8000, 16000)).as("level of the captured tone").isGreaterThan(2000);
  }

  /** Goertzel power of one frequency over samples [from, to). */
  private static double power(short[] s, int from, int to, double hz) {
    double k = 2 * Math.cos(2 * Math.PI * hz / 8000.0), s1 = 0, s2 = 0;
    for (int i = from; i < to; i++) {
      double v = s[i] + k * s1 - s2;
      s2 = s1;
      s1 = v;
    }
    return s1 * s1 + s2 * s2 - k * s1 * s2;
  }

  private static double rms(short[] s, int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) sum += (double) s[i] * s[i];
    return Math.sqrt(sum / (to - from));
  }
}
