package dev.parley.media.mixer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GainsTest {
  @Test
  void stepZeroIsExactlyUnity() {
    assertThat(Gains.stepToQ12(0)).isEqualTo(MixMinus.UNITY_GAIN);
  }

  @Test
  void eachStepIsThreeDecibels() {
    for (int step = -4; step <= 4; step++) {
      double db = 20 * Math.log10(Gains.stepToQ12(step) / (double) MixMinus.UNITY_GAIN);
      assertThat(db).as("step %d", step).isCloseTo(3.0 * step, within(0.01));
    }
  }

  @Test
  void stepsOutsideMinusFourToFourAreClamped() {
    assertThat(Gains.stepToQ12(9)).isEqualTo(Gains.stepToQ12(4));
    assertThat(Gains.stepToQ12(-100)).isEqualTo(Gains.stepToQ12(-4));
  }

  @Test
  void theLoudestStepStillFitsTheMixerArithmetic() {
    // MixMinus.scale multiplies a sample by the gain in an int.
    assertThat((long) Short.MIN_VALUE * Gains.stepToQ12(4)).isGreaterThan(Integer.MIN_VALUE);
  }
}
