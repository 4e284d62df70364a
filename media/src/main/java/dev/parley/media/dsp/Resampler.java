package dev.parley.media.dsp;

/**
 * Band-limited sample rate conversion by an integer factor, up or down (8000 to 16000 or 48000 and
 * back, 16000 to 48000 and back: every pair of room and codec rates here is an integer ratio).
 *
 * <p>One Kaiser-windowed sinc low-pass ({@link #TAPS_PER_PHASE} taps per phase, beta 6, about 63 dB
 * of stopband) with its cutoff at 92% of the lower rate's Nyquist frequency, so the transition band
 * ends at that Nyquist frequency and what lies above it is removed before it could alias. Upsampling
 * is polyphase (only the non-zero inputs are multiplied); downsampling computes only the outputs kept.
 *
 * <p>Stateful (the filter history carries over between calls, so blocks join without clicks): one
 * instance per stream, one thread. Allocation happens in the constructor only.
 */
public final class Resampler {
  static final int TAPS_PER_PHASE = 48;
  static final double KAISER_BETA = 6.0;
  static final double CUTOFF_OF_NYQUIST = 0.92;

  private final int up;
  private final int down;
  /** Filter taps; for upsampling already multiplied by {@link #up} to keep unity gain. */
  private final float[] h;
  /** Input history followed by the current block. */
  private final float[] buf;
  private final int history;
  private final int maxInput;
  /** Downsampling: how far past the end of the last block the next kept output lies. */
  private int carry;

  /**
   * @param maxInputSamples the largest block {@link #process} will be given
   * @throws IllegalArgumentException if neither rate divides the other
   */
  public Resampler(int fromHz, int toHz, int maxInputSamples) {
    if (fromHz <= 0 || toHz <= 0) throw new IllegalArgumentException("rates must be positive");
    if (toHz >= fromHz && toHz % fromHz == 0) {
      up = toHz / fromHz;
      down = 1;
    } else if (fromHz % toHz == 0) {
      up = 1;
      down = fromHz / toHz;
    } else {
      throw new IllegalArgumentException("not an integer ratio: " + fromHz + " -> " + toHz);
    }
    int factor = Math.max(up, down);
    int taps = factor == 1 ? 1 : TAPS_PER_PHASE * factor;
    h = design(taps, factor);
    if (up > 1) for (int i = 0; i < taps; i++) h[i] *= up;
    history = up > 1 ? TAPS_PER_PHASE - 1 : taps - 1;
    maxInput = maxInputSamples;
    buf = new float[history + maxInputSamples];
  }

  /** True when the rates are equal and {@link #process} only copies. */
  public boolean identity() {
    return up == 1 && down == 1;
  }

  /** The most output samples a block of {@code inputSamples} can give. */
  public int maxOutput(int inputSamples) {
    return inputSamples * up / down + 1;
  }

  /**
   * Converts {@code count} samples of {@code in} from {@code off} and writes the result to {@code out}
   * from {@code outOff}.
   *
   * @return the number of samples written: {@code count * up}, or about {@code count / down}
   */
  public int process(short[] in, int off, int count, short[] out, int outOff) {
    if (identity()) {
      System.arraycopy(in, off, out, outOff, count);
      return count;
    }
    if (count > maxInput) throw new IllegalArgumentException("block of " + count + " > " + maxInput);
    for (int i = 0; i < count; i++) buf[history + i] = in[off + i];
    int written = up > 1 ? interpolate(count, out, outOff) : decimate(count, out, outOff);
    // Keep the newest samples as the next block's history.
    System.arraycopy(buf, count, buf, 0, history);
    return written;
  }

  /** Polyphase: output phase p of input n is sum over k of h[k*up + p] * x[n - k]. */
  private int interpolate(int count, short[] out, int outOff) {
    int o = outOff;
    for (int n = history; n < history + count; n++) {
      for (int p = 0; p < up; p++) {
        float acc = 0;
        for (int k = 0, t = p; k < TAPS_PER_PHASE; k++, t += up) acc += h[t] * buf[n - k];
        out[o++] = clamp(acc);
      }
    }
    return o - outOff;
  }

  private int decimate(int count, short[] out, int outOff) {
    int end = history + count;
    int o = outOff;
    int n = history + carry;
    for (; n < end; n += down) {
      float acc = 0;
      for (int k = 0; k < h.length; k++) acc += h[k] * buf[n - k];
      out[o++] = clamp(acc);
    }
    carry = n - end;
    return o - outOff;
  }

  /** Forgets the history, as after a new stream. */
  public void reset() {
    java.util.Arrays.fill(buf, 0);
    carry = 0;
  }

  private static short clamp(float v) {
    int r = Math.round(v);
    return (short) (r > 32767 ? 32767 : Math.max(r, -32768));
  }

  /** Kaiser-windowed sinc, cutoff at {@link #CUTOFF_OF_NYQUIST} of the lower rate's Nyquist, unity DC gain. */
  private static float[] design(int taps, int factor) {
    float[] h = new float[taps];
    if (taps == 1) {
      h[0] = 1;
      return h;
    }
    double fc = CUTOFF_OF_NYQUIST * 0.5 / factor; // in cycles per sample of the higher rate
    double mid = (taps - 1) / 2.0;
    double i0Beta = besselI0(KAISER_BETA);
    double sum = 0;
    double[] w = new double[taps];
    for (int i = 0; i < taps; i++) {
      double t = i - mid;
      double sinc = t == 0 ? 2 * fc : Math.sin(2 * Math.PI * fc * t) / (Math.PI * t);
      double r = 2 * i / (double) (taps - 1) - 1;
      w[i] = sinc * besselI0(KAISER_BETA * Math.sqrt(1 - r * r)) / i0Beta;
      sum += w[i];
    }
    for (int i = 0; i < taps; i++) h[i] = (float) (w[i] / sum);
    return h;
  }

  /** The modified Bessel function of order 0, by its power series (converges fast for beta &lt; 20). */
  static double besselI0(double x) {
    double sum = 1, term = 1, q = x * x / 4;
    for (int k = 1; k < 50; k++) {
      term *= q / (k * (double) k);
      sum += term;
      if (term < 1e-12 * sum) break;
    }
    return sum;
  }
}
