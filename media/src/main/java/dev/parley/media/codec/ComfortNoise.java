package dev.parley.media.codec;

/**
 * RFC 3389 comfort noise: the SID payload (one octet of noise level in -dBov, 0..127, optionally
 * followed by spectral reflection coefficients) and a generator of noise at such a level.
 *
 * <p>Level scale: 0 dBov is the RMS of a full-scale 16-bit square wave (32767), so -L dBov has an RMS
 * of {@code 32767 * 10^(-L/20)}. The spectral coefficients are neither read nor sent: the noise is white
 * (RFC 3389 §3.2 allows a SID with the level alone). One generator per stream, media thread only, no
 * allocation.
 */
public final class ComfortNoise {
  /** RFC 3389 §3.1: the quietest level the octet can say. */
  public static final int MAX_LEVEL = 127;
  private static final double FULL_SCALE = 32767;
  /** Mean absolute value to RMS for noise that is about Gaussian (a mix of many sources). */
  private static final double MEAN_ABS_TO_RMS = 1.2533;

  private int state = 0x6d2b79f5;

  /** The level of a SID payload, or -1 if it is empty or the level octet is out of range. */
  public static int level(byte[] payload, int off, int len) {
    if (len < 1) return -1;
    int level = payload[off] & 0xff;
    return level > MAX_LEVEL ? -1 : level;
  }

  /** Writes a SID with {@code level} only; returns its length, 1. */
  public static int writeSid(byte[] out, int off, int level) {
    out[off] = (byte) Math.max(0, Math.min(MAX_LEVEL, level));
    return 1;
  }

  /** The -dBov level of a frame whose mean absolute amplitude is {@code meanAbs}. */
  public static int levelOfMeanAbs(int meanAbs) {
    if (meanAbs <= 0) return MAX_LEVEL;
    double rms = meanAbs * MEAN_ABS_TO_RMS;
    return (int) Math.max(0, Math.min(MAX_LEVEL, Math.round(-20 * Math.log10(rms / FULL_SCALE))));
  }

  /** The RMS amplitude that -{@code level} dBov stands for. */
  public static double rmsOf(int level) {
    return FULL_SCALE * Math.pow(10, -level / 20.0);
  }

  /**
   * Fills {@code out[off..off+n)} with white noise at -{@code level} dBov: uniform samples in [-a, a]
   * with a = RMS * sqrt(3).
   */
  public void fill(short[] out, int off, int n, int level) {
    int amplitudeQ15 = (int) Math.min(32767, rmsOf(level) * Math.sqrt(3));
    int s = state;
    for (int i = 0; i < n; i++) {
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      out[off + i] = (short) (((long) (s >> 16) * amplitudeQ15) >> 15);
    }
    state = s;
  }
}
