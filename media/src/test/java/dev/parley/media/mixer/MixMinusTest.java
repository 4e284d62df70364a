package dev.parley.media.mixer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MixMinusTest {
  private static final int N = 4;

  @Test
  void eachListenerHearsTheSumWithoutItsOwnFrame() {
    short[] a = {100, 200, -300, 400};
    short[] b = {10, 20, 30, 40};
    short[] c = {1, 2, 3, 4};
    int[] acc = new int[N];
    MixMinus.accumulate(acc, a, N, MixMinus.UNITY_GAIN);
    MixMinus.accumulate(acc, b, N, MixMinus.UNITY_GAIN);
    MixMinus.accumulate(acc, c, N, MixMinus.UNITY_GAIN);

    short[] out = new short[N];
    MixMinus.minus(acc, a, N, MixMinus.UNITY_GAIN, out);
    assertThat(out).containsExactly(11, 22, 33, 44);
    MixMinus.minus(acc, b, N, MixMinus.UNITY_GAIN, out);
    assertThat(out).containsExactly(101, 202, -297, 404);
    MixMinus.minus(acc, null, N, MixMinus.UNITY_GAIN, out);
    assertThat(out).containsExactly(111, 222, -267, 444);
  }

  @Test
  void loudSumsAreLimitedInsteadOfWrappingAround() {
    short[] loud = {30000, -30000, 32767, -32768};
    int[] acc = new int[N];
    MixMinus.accumulate(acc, loud, N, MixMinus.UNITY_GAIN);
    MixMinus.accumulate(acc, loud, N, MixMinus.UNITY_GAIN);
    short[] out = new short[N];
    MixMinus.minus(acc, null, N, MixMinus.UNITY_GAIN, out);
    assertThat(out[0]).isPositive().isGreaterThan((short) 30000);
    assertThat(out[1]).isNegative().isLessThan((short) -30000);
    assertThat(out[2]).isGreaterThan(out[0]);
    assertThat(out[3]).isLessThan(out[1]);
  }

  @Test
  void gainIsQ12FixedPoint() {
    short[] f = {1000, -1000, 20000, 0};
    int[] acc = new int[N];
    MixMinus.accumulate(acc, f, N, MixMinus.UNITY_GAIN / 2);
    assertThat(acc).containsExactly(500, -500, 10000, 0);
    short[] out = new short[N];
    MixMinus.minus(acc, null, N, MixMinus.UNITY_GAIN * 2, out);
    assertThat(out).containsExactly(1000, -1000, 20000, 0);
  }

  @Test
  void scaleClipsHard() {
    short[] f = {20000, -20000, 100, 0};
    MixMinus.scale(f, N, MixMinus.UNITY_GAIN * 2);
    assertThat(f).containsExactly(Short.MAX_VALUE, Short.MIN_VALUE, 200, 0);
  }

  @Test
  void energyIsTheMeanAbsoluteAmplitude() {
    assertThat(MixMinus.energy(new short[] {100, -100, 300, -300}, 4)).isEqualTo(200);
    assertThat(MixMinus.energy(new short[] {0, 0}, 2)).isZero();
  }

  @Test
  void overlayAddsAPromptOnTopOfTheMix() {
    short[] mix = {100, 200, 300, 400};
    short[] prompt = {9, 9, 1, 2, 3, 4};
    MixMinus.overlay(mix, prompt, 2, N);
    assertThat(mix).containsExactly(101, 202, 303, 404);
  }
}
