package dev.parley.media.audio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.media.testing.Signals;
import org.junit.jupiter.api.Test;

class WavFileTest {
  @Test
  void anEightKilohertzPromptInAWidebandRoomKeepsItsToneAndGetsNoImage() {
    short[] tone = new short[8000];
    for (int i = 0; i < tone.length; i++) tone[i] = (short) (10000 * Math.sin(2 * Math.PI * 1000 * i / 8000.0));
    short[] wide = WavFile.resample(tone, 8000, 16000);
    assertThat(wide.length).isBetween(15990, 16000);
    double level = Signals.levelDbfs(wide, 1600, 14400, 1000, 16000);
    assertThat(level).isBetween(-11.0, -9.6);
    // Linear interpolation would leave the image at 8000 - 1000 Hz about 30 dB down; the filter removes it.
    assertThat(Signals.levelDbfs(wide, 1600, 14400, 7000, 16000)).isLessThan(level - 50);
  }

  @Test
  void aRatioThatIsNotAnIntegerStillConverts() {
    short[] in = new short[44100];
    assertThat(WavFile.resample(in, 44100, 8000)).hasSize(8000);
  }
}
