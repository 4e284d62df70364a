package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testkit.BaresipPeer;
import dev.parley.testkit.Goertzel;
import dev.parley.testkit.ParleyProcess;
import dev.parley.testkit.TestConfig;
import dev.parley.testkit.Wav;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * L16 (RFC 3551 §4.5.11) in a 16 kHz room: a real baresip on {@code L16/16000} and one on G.722 hear
 * each other's tones, and the L16 member hears the G.722 member's 5 kHz tone (wideband on both legs).
 * Ports: Parley SIP 15263; baresip slots 76-77.
 */
class L16RoomIT {
  private static final int SIP_PORT = 15263;
  private static final double L16_HZ = 443, G722_HZ = 701, HIGH_HZ = 5000;
  private static final int TALK_SECONDS = 6;
  private static final Duration EVENT_LIMIT = Duration.ofSeconds(10);

  @Test
  void anL16MemberHearsAndIsHeardInAWidebandRoom() throws Exception {
    Path dir = ItSupport.outDir(getClass(), "rate16000");
    Path serverDir = dir.resolve("server");
    TestConfig config = TestConfig.forPort(SIP_PORT).withoutSounds().withLonely(false).withProfileKey("rate", "16000");
    BaresipPeer l16;
    BaresipPeer g722;
    // A longer start-up limit than ItSupport's: with eight builds on two cores the codec warm-up alone took 16 s.
    try (ParleyProcess server = ParleyProcess.start(config.writeTo(serverDir), serverDir.resolve("parley.log"),
            Duration.ofSeconds(120))) {
      l16 = BaresipPeer.start(BaresipPeer.Settings.slot(76, dir.resolve("l16")).withCodecs("L16/16000/1")
          .withSource(Wav.tone(16000, L16_HZ, 20, -16)).withLifetime(Duration.ofSeconds(40)));
      g722 = BaresipPeer.start(BaresipPeer.Settings.slot(77, dir.resolve("g722")).withCodecs("G722/16000/1")
          .withSource(tones(16000, G722_HZ, HIGH_HZ)).withLifetime(Duration.ofSeconds(40)));
      try {
        for (BaresipPeer p : List.of(l16, g722)) p.dialAndAwaitEstablished(ItSupport.roomUri(SIP_PORT), EVENT_LIMIT);
        ItSupport.letAudioFlow(Duration.ofSeconds(TALK_SECONDS));
        for (BaresipPeer p : List.of(l16, g722)) {
          assertThat(p.events()).as("%s still in the call", p).noneMatch(e -> e.type().equals("CALL_CLOSED"));
          p.hangup();
        }
        for (BaresipPeer p : List.of(l16, g722)) p.awaitEvent("CALL_CLOSED", EVENT_LIMIT);
      } finally {
        l16.close();
        g722.close();
      }
      assertThat(server.isAlive()).isTrue();
    }
    assertThat(l16.log()).containsIgnoringCase("Set audio decoder: L16").containsIgnoringCase("Set audio encoder: L16");
    Wav heardByL16 = l16.heard();
    Wav heardByG722 = g722.heard();
    assertThat(heardByL16.durationSeconds()).isGreaterThan(TALK_SECONDS - 1.0);
    double end = Math.min(heardByL16.durationSeconds(), heardByG722.durationSeconds()) - 0.5, start = end - 4;
    String why = String.format("L16 hears %.1f (701 Hz) %.1f (5 kHz) %.1f (own); G.722 hears %.1f (443 Hz)",
        Goertzel.medianLevelDb(heardByL16, G722_HZ, start, end), Goertzel.medianLevelDb(heardByL16, HIGH_HZ, start, end),
        Goertzel.medianLevelDb(heardByL16, L16_HZ, start, end), Goertzel.medianLevelDb(heardByG722, L16_HZ, start, end));
    System.out.println(why);
    assertThat(Goertzel.medianLevelDb(heardByG722, L16_HZ, start, end)).as(why).isGreaterThan(-35);
    assertThat(Goertzel.medianLevelDb(heardByL16, G722_HZ, start, end)).as(why).isGreaterThan(-35);
    assertThat(Goertzel.medianLevelDb(heardByL16, HIGH_HZ, start, end)).as(why).isGreaterThan(-35);
    assertThat(Goertzel.medianLevelDb(heardByL16, L16_HZ, start, end)).as("mix-minus; " + why).isLessThan(-50);
  }

  /** Two tones, each 3 dB below -16 dBFS. */
  private static Wav tones(int rateHz, double a, double b) {
    short[] x = Wav.tone(rateHz, a, 20, -19).samples();
    short[] y = Wav.tone(rateHz, b, 20, -19).samples();
    short[] sum = new short[x.length];
    for (int i = 0; i < sum.length; i++) sum[i] = (short) (x[i] + y[i]);
    return new Wav(rateHz, sum);
  }
}
