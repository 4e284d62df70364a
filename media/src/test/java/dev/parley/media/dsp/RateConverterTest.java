package dev.parley.media.dsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.media.testing.Signals;
import org.junit.jupiter.api.Test;

class RateConverterTest {
  private static short[] sine(double hz, int rate, int samples, double amplitude) {
    short[] s = new short[samples];
    for (int i = 0; i < samples; i++) s[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * hz * i / rate));
    return s;
  }

  @Test
  void aToneAtFortyFourPointOneKilohertzKeepsItsPitchAndLevelInAnEightKilohertzRoom() {
    short[] out = RateConverter.convert(sine(1200, 44100, 44100, 10000), 44100, 8000);
    assertThat(out).hasSize(8000);
    double level = Signals.levelDbfs(out, 800, 7200, 1200, 8000);
    assertThat(level).isBetween(-10.8, -9.8);
    assertThat(Signals.levelDbfs(out, 800, 7200, 1000, 8000)).isLessThan(level - 30);
  }

  @Test
  void whatLiesAboveTheRoomsNyquistFrequencyIsRemovedNotFoldedBack() {
    // 6 kHz at 44.1 kHz would alias to 2 kHz at 8 kHz; the filter removes it first.
    short[] out = RateConverter.convert(sine(6000, 44100, 44100, 10000), 44100, 8000);
    assertThat(Signals.levelDbfs(out, 800, 7200, 2000, 8000)).isLessThan(-60);
  }

  @Test
  void upsamplingToFortyEightKilohertzLeavesNoImage() {
    short[] out = RateConverter.convert(sine(1000, 44100, 44100, 10000), 44100, 48000);
    assertThat(out).hasSize(48000);
    assertThat(Signals.levelDbfs(out, 4800, 43200, 1000, 48000)).isBetween(-10.8, -9.8);
    // The image of a 1 kHz tone at 44.1 kHz lies at 43.1 kHz, i.e. 4.9 kHz at 48 kHz after folding.
    assertThat(Signals.levelDbfs(out, 4800, 43200, 4900, 48000)).isLessThan(-60);
  }
}
