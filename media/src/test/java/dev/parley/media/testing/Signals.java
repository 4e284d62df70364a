package dev.parley.media.testing;

import java.util.SplittableRandom;

/** Measuring and making test signals: a Goertzel level meter and seeded noise. */
public final class Signals {
  private Signals() {}

  /**
   * The peak amplitude of the {@code frequencyHz} component of {@code s[from..to)}, in dBFS (a full
   * scale sine is 0 dB), by one Goertzel filter.
   */
  public static double levelDbfs(short[] s, int from, int to, double frequencyHz, int rateHz) {
    double coeff = 2 * Math.cos(2 * Math.PI * frequencyHz / rateHz);
    double s1 = 0;
    double s2 = 0;
    for (int i = from; i < to; i++) {
      double s0 = s[i] / 32767.0 + coeff * s1 - s2;
      s2 = s1;
      s1 = s0;
    }
    double power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
    return 20 * Math.log10(2 * Math.sqrt(Math.max(power, 1e-30)) / (to - from));
  }

  /** Gaussian white noise of {@code rmsDbfs} (relative to a full scale sine's RMS), added in place. */
  public static void addNoise(short[] s, double rmsDbfs, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double rms = 32767 / Math.sqrt(2) * Math.pow(10, rmsDbfs / 20);
    for (int i = 0; i < s.length; i++) {
      double g = gaussian(r);
      s[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(s[i] + rms * g)));
    }
  }

  private static double gaussian(SplittableRandom r) {
    // Box-Muller; SplittableRandom has no nextGaussian of its own on every JDK we build with.
    double u = 1 - r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  /** Joins arrays end to end. */
  public static short[] concat(short[]... parts) {
    int n = 0;
    for (short[] p : parts) n += p.length;
    short[] out = new short[n];
    int at = 0;
    for (short[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}
