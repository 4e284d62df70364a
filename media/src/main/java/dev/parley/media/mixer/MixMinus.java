package dev.parley.media.mixer;

/**
 * The mix-minus kernel: plain arithmetic on preallocated frames, no state of its own.
 *
 * <p>Each tick the room sums the frames of its contributing members once into an {@code int[]}
 * accumulator; every listener then hears {@code sum - own contribution}, scaled by its listen gain and
 * passed through the {@link SoftLimiter} so that loud overlaps saturate smoothly instead of wrapping.
 * Members who contributed nothing all hear the same frame, which the caller encodes once per codec.
 *
 * <p>Gains are fixed-point with {@link #UNITY_GAIN} = 1.0 so the hot path stays in integers.
 */
public final class MixMinus {
  /** Gain 1.0 in the Q12 fixed-point used throughout the mixer. */
  public static final int UNITY_GAIN = 4096;

  private MixMinus() {}

  /** Clears {@code count} samples of the accumulator. */
  public static void clear(int[] acc, int count) {
    java.util.Arrays.fill(acc, 0, count, 0);
  }

  /** Adds {@code frame * gainQ12} into the accumulator. */
  public static void accumulate(int[] acc, short[] frame, int count, int gainQ12) {
    if (gainQ12 == UNITY_GAIN) {
      for (int i = 0; i < count; i++) acc[i] += frame[i];
    } else {
      for (int i = 0; i < count; i++) acc[i] += (frame[i] * gainQ12) >> 12;
    }
  }

  /**
   * Writes what one listener hears: {@code (acc - own) * listenGain}, soft-limited to 16 bits.
   *
   * @param own the listener's own contribution as it was accumulated (already input-gained), or
   *     {@code null} when the listener contributed nothing this tick
   */
  public static void minus(int[] acc, short[] own, int count, int listenGainQ12, short[] out) {
    for (int i = 0; i < count; i++) {
      int v = own == null ? acc[i] : acc[i] - own[i];
      if (listenGainQ12 != UNITY_GAIN) v = (int) (((long) v * listenGainQ12) >> 12);
      out[i] = SoftLimiter.limit(v);
    }
  }

  /** Scales a frame in place by {@code gainQ12}, with hard clipping to 16 bits. */
  public static void scale(short[] frame, int count, int gainQ12) {
    if (gainQ12 == UNITY_GAIN) return;
    for (int i = 0; i < count; i++) {
      frame[i] = clamp((frame[i] * gainQ12) >> 12);
    }
  }

  /** Adds {@code extra} on top of {@code frame} in place, soft-limited. Used for private prompts. */
  public static void overlay(short[] frame, short[] extra, int extraOffset, int count) {
    for (int i = 0; i < count; i++) {
      frame[i] = SoftLimiter.limit(frame[i] + extra[extraOffset + i]);
    }
  }

  /** Hard clamp to the 16-bit range (pjmedia's MAX_LEVEL / MIN_LEVEL). */
  public static short clamp(int v) {
    if (v > Short.MAX_VALUE) return Short.MAX_VALUE;
    if (v < Short.MIN_VALUE) return Short.MIN_VALUE;
    return (short) v;
  }

  /** Mean absolute amplitude of a frame: FreeSWITCH's "energy" that {@code energy-level} is compared to. */
  public static int energy(short[] frame, int count) {
    if (count == 0) return 0;
    long sum = 0;
    for (int i = 0; i < count; i++) {
      int s = frame[i];
      sum += s < 0 ? -s : s;
    }
    return (int) (sum / count);
  }
}
