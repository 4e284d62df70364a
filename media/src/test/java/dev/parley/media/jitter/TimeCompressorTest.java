package dev.parley.media.jitter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimeCompressorTest {
  @Test
  void removesSamplesWhereTheBlockIsQuietest() {
    short[] in = new short[200];
    for (int i = 0; i < in.length; i++) in[i] = (short) (i < 100 || i >= 140 ? 5000 : 10);
    assertThat(TimeCompressor.quietest(in, 200, 40)).isEqualTo(100);
    short[] out = new short[180];
    TimeCompressor.compress(in, 200, 20, out, 0);
    // Loud before and after the cut, which fell entirely inside the quiet stretch.
    for (int i = 0; i < 100; i++) assertThat(out[i]).isEqualTo((short) 5000);
    for (int i = 100; i < 120; i++) assertThat(out[i]).isEqualTo((short) 10);
    for (int i = 120; i < 180; i++) assertThat(out[i]).isEqualTo((short) 5000);
  }

  private static int largestStep(short[] s, int count) {
    int largest = 0;
    for (int i = 1; i < count; i++) largest = Math.max(largest, Math.abs(s[i] - s[i - 1]));
    return largest;
  }

  /** What cutting without a fade would give: the samples after the cut follow the ones before it. */
  private static short[] hardCut(short[] in, int inCount, int remove) {
    int at = TimeCompressor.quietest(in, inCount, 2 * remove);
    short[] out = new short[inCount - remove];
    System.arraycopy(in, 0, out, 0, at + remove / 2);
    System.arraycopy(in, at + remove + remove / 2, out, at + remove / 2, inCount - at - remove - remove / 2);
    return out;
  }

  @Test
  void crossFadesSoTheCutMakesNoStep() {
    short[] in = new short[160];
    for (int i = 0; i < in.length; i++) in[i] = (short) (10 * i); // a ramp: 10 per sample
    short[] out = new short[140];
    TimeCompressor.compress(in, 160, 20, out, 0);
    assertThat(largestStep(hardCut(in, 160, 20), 140)).as("the step of a hard cut").isEqualTo(210);
    // Over the 20-sample fade the ramp catches up the 200 it loses: 10 more per sample, not 200 at once.
    assertThat(largestStep(out, 140)).isLessThanOrEqualTo(21);
    assertThat(out[0]).isEqualTo((short) 0);
    assertThat(out[139]).isEqualTo((short) 1590);
  }

  @Test
  void aSineStaysSmoothAcrossTheCut() {
    short[] in = new short[180];
    for (int i = 0; i < in.length; i++) in[i] = (short) Math.round(10000 * Math.sin(2 * Math.PI * 440 * i / 8000.0));
    short[] out = new short[160];
    TimeCompressor.compress(in, 180, 20, out, 0);
    // The sine itself moves by up to 10000 * 2 * pi * 440 / 8000 = 3456 per sample.
    int natural = largestStep(in, 180);
    assertThat(largestStep(out, 160)).isLessThan(natural * 11 / 10).isLessThan(largestStep(hardCut(in, 180, 20), 160));
  }

  @Test
  void removingNothingCopies() {
    short[] in = {1, 2, 3, 4};
    short[] out = new short[6];
    TimeCompressor.compress(in, 4, 0, out, 1);
    assertThat(out).containsExactly(0, 1, 2, 3, 4, 0);
  }

  @Test
  void constantAudioIsUnchangedByTheFade() {
    short[] in = new short[240];
    java.util.Arrays.fill(in, (short) -1234);
    short[] out = new short[160];
    TimeCompressor.compress(in, 240, 80, out, 0);
    for (short s : out) assertThat(s).isEqualTo((short) -1234);
  }
}
