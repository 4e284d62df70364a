package dev.parley.media.mixer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SoftLimiterTest {
  @Test
  void samplesBelowTheKneePassBitExact() {
    for (int v = -SoftLimiter.KNEE; v <= SoftLimiter.KNEE; v += 97) {
      assertThat(SoftLimiter.limit(v)).isEqualTo((short) v);
    }
  }

  @Test
  void outputIsMonotonicAndNeverReachesPastFullScale() {
    int previous = Integer.MIN_VALUE;
    for (int v = -400_000; v <= 400_000; v += 13) {
      int y = SoftLimiter.limit(v);
      assertThat(y).isGreaterThanOrEqualTo(previous);
      assertThat(y).isBetween(-32767, 32767);
      previous = y;
    }
  }

  @Test
  void isSymmetric() {
    for (int v = 0; v < 200_000; v += 1001) {
      assertThat(SoftLimiter.limit(-v)).isEqualTo((short) -SoftLimiter.limit(v));
    }
  }
}
