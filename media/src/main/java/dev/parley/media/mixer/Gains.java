package dev.parley.media.mixer;

/**
 * Volume steps as Q12 gains for {@code MemberMedia.setGains}, the way FreeSWITCH's conference keys
 * ("volume up/down") count them: -4..+4, 0 is unity and each step is 3 dB, so the range is ±12 dB.
 */
public final class Gains {
  public static final int MIN_STEP = -4;
  public static final int MAX_STEP = 4;
  public static final double DB_PER_STEP = 3.0;

  private static final int[] Q12 = new int[MAX_STEP - MIN_STEP + 1];

  static {
    for (int step = MIN_STEP; step <= MAX_STEP; step++) {
      Q12[step - MIN_STEP] = (int) Math.round(MixMinus.UNITY_GAIN * Math.pow(10, step * DB_PER_STEP / 20));
    }
  }

  private Gains() {}

  /** The Q12 gain of a volume step; steps outside -4..+4 are clamped to the nearest end. */
  public static int stepToQ12(int step) {
    return Q12[Math.max(MIN_STEP, Math.min(MAX_STEP, step)) - MIN_STEP];
  }
}
