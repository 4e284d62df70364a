package dev.parley.loadgen.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testkit.G711;
import dev.parley.testkit.Goertzel;
import org.junit.jupiter.api.Test;

class AudioLoopTest {

  private static short[] decode(AudioLoop loop, int frames) {
    short[] pcm = new short[frames * AudioLoop.FRAME_SAMPLES];
    for (int f = 0; f < frames; f++) {
      byte[] b = loop.frame(f);
      for (int i = 0; i < b.length; i++) pcm[f * AudioLoop.FRAME_SAMPLES + i] = G711.ulawToLinear(b[i]);
    }
    return pcm;
  }

  @Test
  void aToneLoopIsOneSecondOfTwentyMillisecondPcmuFrames() {
    AudioLoop loop = AudioLoop.tone(641, 2000);
    assertThat(loop.frameCount()).isEqualTo(50);
    assertThat(loop.frame(0)).hasSize(160);
  }

  @Test
  void aToneLoopDecodesToItsFrequencyAtItsLevel() {
    short[] pcm = decode(AudioLoop.tone(1546, 2000), 50);
    double expectedDb = 20 * Math.log10(2000 / 32767.0);
    assertThat(Goertzel.levelDb(pcm, 0, pcm.length, 8000, 1546)).isBetween(expectedDb - 0.5, expectedDb + 0.5);
    assertThat(Goertzel.levelDb(pcm, 0, pcm.length, 8000, 1820)).isLessThan(-60);
  }

  @Test
  void theLoopWrapsWithoutAClickBecauseItHoldsWholeCycles() {
    AudioLoop loop = AudioLoop.tone(812, 2000);
    assertThat(loop.frame(50)).isSameAs(loop.frame(0));
    short[] twoSeconds = decode(loop, 100);
    // Across the wrap (sample 7999 to 8000) the step is like any other step of the sine.
    int wrapStep = Math.abs(twoSeconds[8000] - twoSeconds[7999]);
    assertThat(wrapStep).isLessThanOrEqualTo((int) (2 * Math.PI * 812 / 8000 * 2000) + 64);
  }

  @Test
  void silenceIsMuLawZero() {
    byte[] f = AudioLoop.silence().frame(123);
    assertThat(f).hasSize(160);
    for (byte b : f) assertThat(G711.ulawToLinear(b)).isZero();
  }

  @Test
  void pcmIsCutIntoFramesAndTheLastOneIsPaddedWithSilence() {
    AudioLoop loop = AudioLoop.fromPcm(new short[200]);
    assertThat(loop.frameCount()).isEqualTo(2);
    assertThat(loop.frame(1)[159]).isEqualTo((byte) 0xFF);
  }

  @Test
  void theSpeechLikeSignalTalksInSpurtsAndPauses() {
    short[] s = SpeechLike.pcm(6000);
    assertThat(s).hasSize(4 * 8000);
    int peakInSpurt = 0, peakInPause = 0;
    for (int i = 0; i < 8000; i++) peakInSpurt = Math.max(peakInSpurt, Math.abs(s[i]));           // 0-1 s
    for (int i = 10_000; i < 16_000; i++) peakInPause = Math.max(peakInPause, Math.abs(s[i]));   // 1.25-2 s
    assertThat(peakInSpurt).isGreaterThan(2000);
    assertThat(peakInPause).isZero();
  }
}
