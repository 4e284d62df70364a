package dev.parley.media.mixer;

/** Volume steps as the keypad and the API speak them, turned into the mixer's Q12 gains. */
public final class Gains {
  /** Steps go from -4 to +4; 0 is unity. */
  public static final int MIN_STEP = -4;

  public static final int MAX_STEP = 4;

  /** Decibels per step: FreeSWITCH's volume keys move in steps of about this size. */
  public static final double DB_PER_STEP = 3.0;

  private Gains() {}

  /** The Q12 gain ({@link MixMinus#UNITY_GAIN} = 1.0) of a step, clamped to -4..+4. */
  public static int stepToQ12(int step) {
    int s = Math.max(MIN_STEP, Math.min(MAX_STEP, step));
    if (s == 0) return MixMinus.UNITY_GAIN;
    return (int) Math.round(MixMinus.UNITY_GAIN * Math.pow(10, s * DB_PER_STEP / 20));
  }
}
