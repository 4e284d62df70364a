package dev.parley.media.jitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class InterarrivalJitterTest {
  private static final long MS = 1_000_000L;

  @Test
  void constantTransitIsNoJitterWhateverTheClockOffsets() {
    InterarrivalJitter j = new InterarrivalJitter(8000);
    long base = Long.MAX_VALUE - 100 * MS; // nanoTime values may wrap: only differences count
    for (int i = 0; i < 100; i++) j.update(5_000_000L + 160L * i, base + 20 * MS * i);
    assertThat(j.units()).isZero();
  }

  @Test
  void followsRfc3550Smoothing() {
    InterarrivalJitter j = new InterarrivalJitter(8000);
    j.update(0, 0);
    j.update(160, 30 * MS); // 10 ms late = 80 units: J = 80/16
    assertThat(j.units()).isCloseTo(5.0, within(1e-9));
    j.update(320, 40 * MS); // back on time: D = -80: J += (80 - 5)/16
    assertThat(j.units()).isCloseTo(5 + 75 / 16.0, within(1e-9));
  }

  @Test
  void convergesToTheMeanDeviation() {
    InterarrivalJitter j = new InterarrivalJitter(8000);
    for (int i = 0; i < 2000; i++) j.update(160L * i, (20L * i + (i % 2 == 0 ? 0 : 10)) * MS);
    // |D| is always 10 ms = 80 units.
    assertThat(j.units()).isCloseTo(80, within(0.01));
  }

  @Test
  void restartForgetsThePreviousPacketButNotTheEstimate() {
    InterarrivalJitter j = new InterarrivalJitter(8000);
    j.update(0, 0);
    j.update(160, 30 * MS);
    double before = j.units();
    j.restart();
    j.update(999_999, 31 * MS); // another timeline: no difference is taken across the restart
    assertThat(j.units()).isEqualTo(before);
    j.clear();
    assertThat(j.units()).isZero();
  }
}
