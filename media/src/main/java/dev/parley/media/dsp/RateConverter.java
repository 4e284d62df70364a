package dev.parley.media.dsp;

/**
 * Band-limited conversion of a whole clip between any two rates (44100 Hz files into 8, 16 or 48 kHz
 * rooms), the same Kaiser-windowed sinc as {@link Resampler} (beta 6,
 * cutoff at 92% of the lower Nyquist frequency, {@link Resampler#TAPS_PER_PHASE} taps per lower-rate
 * period) evaluated at each output instant instead of on a fixed polyphase grid.
 *
 * <p>For load time only (announcement files, prompts): it allocates the output and a kernel table per
 * call and takes about {@code TAPS_PER_PHASE * max(1, from/to)} multiply-adds per output sample.
 */
public final class RateConverter {
  /** Kernel table entries per input sample of offset; linear interpolation between them. */
  private static final int TABLE_STEPS = 256;

  private RateConverter() {}

  /** {@code in} at {@code fromHz} as {@code in.length * toHz / fromHz} samples at {@code toHz}. */
  public static short[] convert(short[] in, int fromHz, int toHz) {
    if (fromHz <= 0 || toHz <= 0) throw new IllegalArgumentException("rates must be positive");
    int outLength = (int) ((long) in.length * toHz / fromHz);
    if (fromHz == toHz) return java.util.Arrays.copyOf(in, outLength);
    short[] out = new short[outLength];
    // The kernel in units of input samples: when going down it widens by from/to, so it still
    // removes everything above the lower rate's Nyquist frequency before it could alias.
    double stretch = Math.max(1.0, (double) fromHz / toHz);
    double fc = Resampler.CUTOFF_OF_NYQUIST * 0.5 / stretch; // cycles per input sample
    double half = Resampler.TAPS_PER_PHASE / 2.0 * stretch;
    float[] table = kernel(fc, half);
    int reach = (int) Math.ceil(half);
    double step = (double) fromHz / toHz;
    for (int j = 0; j < outLength; j++) {
      double t = j * step;
      int centre = (int) Math.floor(t);
      double acc = 0, weight = 0;
      for (int k = Math.max(0, centre - reach + 1); k <= Math.min(in.length - 1, centre + reach); k++) {
        double d = Math.abs(t - k) * TABLE_STEPS;
        int i = (int) d;
        if (i + 1 >= table.length) continue;
        double w = table[i] + (table[i + 1] - table[i]) * (d - i);
        acc += w * in[k];
        weight += w;
      }
      // Dividing by the weight keeps unity gain at the clip's edges, where the window is cut short.
      int v = weight > 1e-9 ? (int) Math.round(acc / weight) : 0;
      out[j] = (short) Math.max(-32768, Math.min(32767, v));
    }
    return out;
  }

  /** The windowed sinc at offsets 0, 1/TABLE_STEPS, ... up to {@code half} input samples. */
  private static float[] kernel(double fc, double half) {
    int n = (int) Math.ceil(half * TABLE_STEPS) + 2;
    float[] table = new float[n];
    double i0Beta = Resampler.besselI0(Resampler.KAISER_BETA);
    for (int i = 0; i < n; i++) {
      double t = (double) i / TABLE_STEPS;
      if (t >= half) break;
      double sinc = t == 0 ? 2 * fc : Math.sin(2 * Math.PI * fc * t) / (Math.PI * t);
      double r = t / half;
      table[i] = (float) (sinc * Resampler.besselI0(Resampler.KAISER_BETA * Math.sqrt(1 - r * r)) / i0Beta);
    }
    return table;
  }
}
