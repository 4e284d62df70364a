package dev.parley.media.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ReceptionStatisticsTest {
  private static final long MS = 1_000_000L;

  @Test
  void countsLossesAndTheFractionPerInterval() {
    ReceptionStatistics s = new ReceptionStatistics();
    s.clockRate(8000);
    // 2 probation packets (the first does not count, A.1), then 100 more with every 20th missing.
    int seq = 1000;
    long t = 0;
    for (int i = 0; i < 102; i++, seq++, t += 20 * MS) {
      if (i > 2 && i % 20 == 0) continue;
      s.onPacket(42, seq, 160L * i, t);
    }
    RtcpWriter.Block b = new RtcpWriter.Block();
    s.fill(b, t);
    // Counted from the second packet (seq 1001) to 1101: 101 expected, 5 missing (i = 20, 40, 60, 80, 100).
    assertThat(s.expected()).isEqualTo(101);
    assertThat(b.cumulativeLost).isEqualTo(5);
    assertThat(b.fractionLost).isEqualTo(5 * 256 / 101);
    assertThat(b.extendedHighest).isEqualTo(1101);
    assertThat(b.ssrc).isEqualTo(42);
    // The next interval without loss says 0, the cumulative count stays.
    for (int i = 102; i < 150; i++, seq++, t += 20 * MS) s.onPacket(42, seq, 160L * i, t);
    s.fill(b, t);
    assertThat(b.fractionLost).isZero();
    assertThat(b.cumulativeLost).isEqualTo(5);
  }

  @Test
  void extendedHighestSequenceCountsWraps() {
    ReceptionStatistics s = new ReceptionStatistics();
    for (int i = 0; i < 20; i++) s.onPacket(1, (65530 + i) & 0xffff, 160L * i, i * 20 * MS);
    assertThat(s.extendedHighest()).isEqualTo(65536 + 13);
    assertThat(s.cumulativeLost()).isZero();
  }

  @Test
  void steadyArrivalsHaveNoJitter() {
    ReceptionStatistics s = new ReceptionStatistics();
    s.clockRate(8000);
    for (int i = 0; i < 200; i++) s.onPacket(1, i, 160L * i, 5 * MS + i * 20 * MS);
    assertThat(s.jitterUnits()).isZero();
  }

  @Test
  void jitterConvergesOnTheMeanTransitDeviation() {
    // Arrivals alternately on time and 4 ms late: |D| is 4 ms = 32 units at 8 kHz for every pair, so
    // the A.8 estimate J += (|D| - J)/16 converges on 32.
    ReceptionStatistics s = new ReceptionStatistics();
    s.clockRate(8000);
    for (int i = 0; i < 400; i++) s.onPacket(1, i, 160L * i, i * 20 * MS + (i % 2 == 0 ? 0 : 4 * MS));
    assertThat(s.jitterUnits()).isBetween(31L, 32L);
    assertThat(s.jitterMillis()).isCloseTo(4.0, within(0.15));
  }

  @Test
  void delaySinceLastSrIsInUnitsOf1Over65536Seconds() {
    ReceptionStatistics s = new ReceptionStatistics();
    for (int i = 0; i < 3; i++) s.onPacket(1, i, 160L * i, i * 20 * MS);
    s.onSenderReport(0xe000b705_20000000L, 1_000 * MS);
    RtcpWriter.Block b = new RtcpWriter.Block();
    s.fill(b, 1_000 * MS + 1_250 * MS);
    assertThat(b.lastSr).isEqualTo(0xb7052000L);
    assertThat(b.delaySinceLastSr).isEqualTo(0x00014000L); // 1.25 s
  }

  @Test
  void aNewSsrcStartsAfresh() {
    ReceptionStatistics s = new ReceptionStatistics();
    for (int i = 0; i < 10; i++) s.onPacket(1, i, 160L * i, i * 20 * MS);
    for (int i = 0; i < 10; i++) s.onPacket(2, 5000 + i, 160L * i, (10 + i) * 20 * MS);
    assertThat(s.ssrc()).isEqualTo(2);
    assertThat(s.extendedHighest()).isEqualTo(5009);
    assertThat(s.cumulativeLost()).isZero();
  }
}
