package dev.parley.media.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ComfortNoiseTest {
  @Test
  void theSidLevelIsItsFirstOctetAndSpectralCoefficientsAreIgnored() {
    assertThat(ComfortNoise.level(new byte[] {40}, 0, 1)).isEqualTo(40);
    assertThat(ComfortNoise.level(new byte[] {9, 60, 1, 2, 3}, 1, 4)).as("RFC 3389 §3.2 coefficients").isEqualTo(60);
    assertThat(ComfortNoise.level(new byte[0], 0, 0)).as("empty").isEqualTo(-1);
    assertThat(ComfortNoise.level(new byte[] {(byte) 128}, 0, 1)).as("over 127").isEqualTo(-1);
  }

  @Test
  void sidRoundTrips() {
    byte[] b = new byte[2];
    assertThat(ComfortNoise.writeSid(b, 1, 55)).isEqualTo(1);
    assertThat(ComfortNoise.level(b, 1, 1)).isEqualTo(55);
    ComfortNoise.writeSid(b, 0, 300);
    assertThat(ComfortNoise.level(b, 0, 1)).isEqualTo(127);
  }

  @Test
  void generatedNoiseHasTheRmsOfItsLevel() {
    ComfortNoise cn = new ComfortNoise();
    short[] pcm = new short[16000];
    for (int level : new int[] {30, 50, 70}) {
      cn.fill(pcm, 0, pcm.length, level);
      double sum = 0;
      long abs = 0;
      for (short s : pcm) {
        sum += (double) s * s;
        abs += Math.abs(s);
      }
      double rmsDb = 20 * Math.log10(Math.sqrt(sum / pcm.length) / 32767);
      assertThat(rmsDb).as("level %d", level).isCloseTo(-level, within(0.5));
      // and the level we would put in a SID for it comes back within 2 dB (uniform, not Gaussian, noise)
      assertThat(ComfortNoise.levelOfMeanAbs((int) (abs / pcm.length))).isCloseTo(level, within(2));
    }
  }

  @Test
  void digitalSilenceIsTheQuietestLevel() {
    assertThat(ComfortNoise.levelOfMeanAbs(0)).isEqualTo(127);
  }
}
