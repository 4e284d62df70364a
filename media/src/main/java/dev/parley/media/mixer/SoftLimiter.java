package dev.parley.media.mixer;

/**
 * A memoryless soft limiter: transparent below {@link #KNEE}, then a smooth curve that approaches but
 * never exceeds full scale. Summing several loud talkers therefore sounds compressed rather than
 * clipped, and a single talker at normal level passes bit-exact.
 */
public final class SoftLimiter {
  /** Below this absolute level samples pass unchanged. */
  public static final int KNEE = 24576;
  private static final int HEADROOM = Short.MAX_VALUE - KNEE;

  private SoftLimiter() {}

  /** Maps any int sample to the 16-bit range, monotonically. */
  public static short limit(int v) {
    if (v >= -KNEE && v <= KNEE) return (short) v;
    long over = (v > 0 ? (long) v : -(long) v) - KNEE;
    // y = over * H / (over + H): rises with slope 1 at the knee and tends to H, so |out| < 32767.
    int compressed = (int) (over * HEADROOM / (over + HEADROOM));
    int out = KNEE + compressed;
    return (short) (v > 0 ? out : -out);
  }
}
