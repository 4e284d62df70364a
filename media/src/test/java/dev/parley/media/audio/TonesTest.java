package dev.parley.media.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.parley.media.testing.Signals;
import org.junit.jupiter.api.Test;

class TonesTest {
  private static short[] samples(Prompt p) {
    short[] s = new short[p.length()];
    p.copy(0, s, 0, s.length);
    return s;
  }

  @Test
  void aSineHasItsFrequencyLevelAndLength() {
    Prompt p = Tones.sine(1000, 200, -12, 8000);
    assertThat(p.length()).isEqualTo(1600);
    assertThat(p.rateHz()).isEqualTo(8000);
    short[] s = samples(p);
    // Measured away from the 5 ms ramps.
    assertThat(Signals.levelDbfs(s, 80, 1520, 1000, 8000)).isCloseTo(-12, within(0.2));
    assertThat(Signals.levelDbfs(s, 80, 1520, 1500, 8000)).isLessThan(-50);
  }

  @Test
  void tonesStartAndEndAtZeroSoTheyDoNotClick() {
    short[] s = samples(Tones.sine(440, 100, 0, 8000));
    assertThat(s[0]).isZero();
    assertThat(Math.abs(s[s.length - 1])).isLessThan(100);
    assertThat(Math.abs(s[1])).isLessThan(2000);
  }

  @Test
  void aDualToneHoldsBothFrequenciesAtTheLevelOfEach() {
    short[] s = samples(Tones.dual(770, 1336, 100, -10, 8000));
    assertThat(Signals.levelDbfs(s, 40, 760, 770, 8000)).isCloseTo(-10, within(0.5));
    assertThat(Signals.levelDbfs(s, 40, 760, 1336, 8000)).isCloseTo(-10, within(0.5));
  }

  @Test
  void aSequencePlaysItsPartsInOrder() {
    Prompt p = Tones.sequence("up", Tones.sine(600, 100, -6, 8000), Tones.silence(50, 8000), Tones.sine(900, 100, -6, 8000));
    short[] s = samples(p);
    assertThat(s).hasSize(2000);
    assertThat(Signals.levelDbfs(s, 100, 700, 600, 8000)).isGreaterThan(-7);
    assertThat(Signals.levelDbfs(s, 100, 700, 900, 8000)).isLessThan(-30);
    assertThat(Signals.levelDbfs(s, 800, 1200, 600, 8000)).isLessThan(-90);
    assertThat(Signals.levelDbfs(s, 1300, 1900, 900, 8000)).isGreaterThan(-7);
    assertThat(p.name()).isEqualTo("up");
  }

  @Test
  void beepsCountTheSteps() {
    short[] s = samples(Tones.beeps(3, 1000, 80, 70, -12, 8000));
    assertThat(s).hasSize((3 * 80 + 2 * 70) * 8);
    int bursts = 0;
    boolean on = false;
    for (int at = 0; at + 80 <= s.length; at += 80) {
      boolean loud = Signals.levelDbfs(s, at, at + 80, 1000, 8000) > -30;
      if (loud && !on) bursts++;
      on = loud;
    }
    assertThat(bursts).isEqualTo(3);
    assertThat(Tones.beeps(0, 1000, 80, 70, -12, 8000).length()).isZero();
  }

  @Test
  void mixedRatesAndNegativeLengthsAreRefused() {
    assertThatThrownBy(() -> Tones.sequence("x", Tones.silence(10, 8000), Tones.silence(10, 16000)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Tones.sine(440, -1, -6, 8000)).isInstanceOf(IllegalArgumentException.class);
  }
}
