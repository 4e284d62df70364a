package dev.parley.media.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.media.testing.Signals;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ResamplerTest {

  @ParameterizedTest(name = "{0} -> {1} Hz")
  @CsvSource({"8000, 16000", "8000, 48000", "16000, 48000", "16000, 8000", "48000, 8000", "48000, 16000"})
  void aOneKilohertzToneSurvivesAtItsLevel(int from, int to) {
    short[] out = run(from, to, 1000, -12);
    // Skip the first 100 ms: the filter's history starts at zero.
    assertThat(Signals.levelDbfs(out, to / 10, out.length, 1000, to)).isBetween(-12.5, -11.5);
  }

  @ParameterizedTest(name = "{0} -> {1} Hz, {2} Hz")
  @CsvSource({"16000, 8000, 5000", "48000, 8000, 5000", "48000, 16000, 9000", "48000, 8000, 4200"})
  void aToneAboveTheTargetNyquistIsAttenuatedByMoreThan40Decibels(int from, int to, double hz) {
    short[] out = run(from, to, hz, 0);
    // What the tone would alias to below the new Nyquist frequency.
    double alias = Math.abs(hz - to * Math.round(hz / to));
    double loudest = -200;
    for (double f : new double[] {alias, hz % to}) {
      if (f > 0 && f < to / 2.0) loudest = Math.max(loudest, Signals.levelDbfs(out, to / 10, out.length, f, to));
    }
    assertThat(loudest).isLessThan(-40);
  }

  @Test
  void upsamplingLeavesNoImagesAboveTheOldNyquist() {
    short[] out = run(8000, 48000, 3000, 0);
    // Zero-stuffing 3 kHz at 8 kHz makes images at 5, 11, 13 kHz...; the filter removes them.
    for (double image : new double[] {5000, 11000, 13000, 19000}) {
      assertThat(Signals.levelDbfs(out, 4800, out.length, image, 48000)).as("image at %.0f Hz", image).isLessThan(-40);
    }
  }

  @Test
  void blocksJoinWithoutASeam() {
    // The same tone in one block and in 20 ms blocks must come out the same.
    short[] in = tone(8000, 1000, -6, 8000);
    Resampler whole = new Resampler(8000, 16000, 8000);
    short[] a = new short[16000];
    whole.process(in, 0, in.length, a, 0);
    Resampler pieces = new Resampler(8000, 16000, 160);
    short[] b = new short[16000];
    for (int off = 0, o = 0; off < in.length; off += 160) o += pieces.process(in, off, 160, b, o);
    assertThat(b).isEqualTo(a);
  }

  @Test
  void downsamplingBlocksThatAreNotAMultipleOfTheFactorKeepThePhase() {
    short[] in = tone(48000, 1000, -6, 48000);
    Resampler whole = new Resampler(48000, 8000, 48000);
    short[] a = new short[8000];
    int na = whole.process(in, 0, in.length, a, 0);
    Resampler pieces = new Resampler(48000, 8000, 1000);
    short[] b = new short[8000];
    int nb = 0;
    for (int off = 0; off < in.length; off += 1000) nb += pieces.process(in, off, 1000, b, nb);
    assertThat(nb).isEqualTo(na).isEqualTo(8000);
    assertThat(b).isEqualTo(a);
  }

  @Test
  void processingAFrameAllocatesNothing() {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    Resampler up = new Resampler(8000, 48000, 160);
    Resampler down = new Resampler(48000, 8000, 960);
    short[] narrow = tone(8000, 1000, -6, 160);
    short[] wide = new short[960];
    for (int i = 0; i < 2000; i++) down.process(wide, 0, up.process(narrow, 0, 160, wide, 0), narrow, 0);
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 2000; i++) down.process(wide, 0, up.process(narrow, 0, 160, wide, 0), narrow, 0);
    assertThat(threads.getCurrentThreadAllocatedBytes() - before).isZero();
  }

  @Test
  void ratesThatAreNotAnIntegerRatioAreRefused() {
    assertThatThrownBy(() -> new Resampler(44100, 48000, 100)).isInstanceOf(IllegalArgumentException.class);
  }

  private static short[] run(int from, int to, double hz, double dbfs) {
    short[] in = tone(from, hz, dbfs, from);
    Resampler r = new Resampler(from, to, from / 50);
    short[] out = new short[to];
    for (int off = 0, o = 0; off < in.length; off += from / 50) o += r.process(in, off, from / 50, out, o);
    return out;
  }

  private static short[] tone(int rate, double hz, double dbfs, int n) {
    short[] s = new short[n];
    double a = 32000 * Math.pow(10, dbfs / 20);
    for (int i = 0; i < n; i++) s[i] = (short) Math.round(a * Math.sin(2 * Math.PI * hz * i / rate));
    return s;
  }
}
