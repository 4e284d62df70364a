package dev.parley.media.jitter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlayoutDelayTest {
  private final PlayoutDelay d = new PlayoutDelay(160, 1600);

  @Test
  void targetIsOnePacketPlusThreeJittersWithinTheRange() {
    assertThat(d.target(160, 0)).isEqualTo(160);
    assertThat(d.target(80, 0)).as("raised to the minimum").isEqualTo(160);
    assertThat(d.target(240, 0)).isEqualTo(240);
    assertThat(d.target(160, 100)).isEqualTo(460);
    assertThat(d.target(160, 1000)).as("capped at the maximum").isEqualTo(1600);
  }

  @Test
  void growsOnlyHalfAReadBelowTargetAndShrinksOnlyHalfAReadAbove() {
    d.start(320);
    assertThat(d.shouldGrow(400, 160)).isFalse();
    assertThat(d.shouldGrow(401, 160)).isTrue();
    assertThat(d.excess(240, 160)).isZero();
    assertThat(d.excess(239, 160)).isEqualTo(81);
  }

  @Test
  void averagesMarginsAndFollowsShifts() {
    d.start(160);
    d.observe(0);
    assertThat(d.samples()).isEqualTo(150);
    d.shift(160);
    assertThat(d.samples()).isEqualTo(310);
    d.shift(-10);
    assertThat(d.samples()).isEqualTo(300);
  }

  @Test
  void holdingThroughALongPauseStopsAtTheMaximum() {
    d.start(160);
    for (int i = 0; i < 1000; i++) d.shift(160);
    assertThat(d.samples()).isEqualTo(1600);
    assertThat(d.aboveMax()).isFalse();
  }
}
