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

  @Test
  void shrinksOnlyWhenEvenTheLeastRecentMarginIsWellAboveTarget() {
    d.start(400);
    for (int i = 0; i < 10; i++) d.observe(i % 2 == 0 ? 400 : 240); // arrivals either side of a read
    assertThat(d.samples()).as("the average alone would shrink").isGreaterThan(160 + 80);
    assertThat(d.excess(160, 160)).as("the packets at 240 leave no room to cut").isZero();
    for (int i = 0; i < 2 * PlayoutDelay.BLOCK_PACKETS; i++) d.observe(400);
    assertThat(d.excess(160, 160)).as("two blocks later, only 400s are left in the window").isEqualTo(240);
    d.shift(-20);
    assertThat(d.leastMargin()).as("a cut moves the minimum too").isEqualTo(380);
  }

  @Test
  void aPacketWithNoMarginAsksToGrowWhateverTheAverage() {
    d.start(400);
    d.observe(0);
    assertThat(d.samples()).isGreaterThan(160);
    assertThat(d.shouldGrow(160, 160)).isTrue();
    d.shift(160);
    assertThat(d.shouldGrow(160, 160)).as("once held, the margin is back").isFalse();
  }
}
