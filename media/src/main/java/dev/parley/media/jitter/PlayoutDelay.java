package dev.parley.media.jitter;

/**
 * Measures the playout delay and decides when to change it.
 *
 * <p>The delay is measured per packet as its <em>margin</em>: how many samples ahead of the playout
 * point it arrives. A packet with margin 0 arrived just in time; a negative margin means some or all of
 * it came too late. The delay is the margin averaged over recent packets (gain 1/16, as RFC 3550 uses
 * for jitter), so it follows the typical packet, not the occasional straggler: stragglers are what the
 * target's jitter allowance is for. When the buffer itself moves the playout point (holding it to grow,
 * skipping samples to shrink), it shifts the average by the same amount, so a decision is not taken
 * twice on the same evidence.
 *
 * <p>The target is one packet plus three times the RFC 3550 §6.4.1 jitter, within the configured
 * range. That jitter is the mean deviation of transit times, about 1.13 standard deviations for random
 * delay, so the allowance covers all but a few packets in a thousand; the packet covers arrivals that
 * come a whole packet at a time. Grow and shrink have a hysteresis of half a read around the target,
 * since growing moves by a whole read.
 *
 * <p>Used by one media thread; no allocation.
 */
final class PlayoutDelay {
  private static final double JITTER_FACTOR = 3.0;
  private static final double GAIN = 1.0 / 16;

  private final int minSamples;
  private final int maxSamples;
  private double delay;

  PlayoutDelay(int minSamples, int maxSamples) {
    this.minSamples = minSamples;
    this.maxSamples = maxSamples;
  }

  /** The delay to aim for, in samples. */
  int target(int packetSamples, double jitterSamples) {
    long t = packetSamples + Math.round(JITTER_FACTOR * jitterSamples);
    return (int) Math.max(minSamples, Math.min(maxSamples, t));
  }

  /** Playout (re)starts with {@code margin} samples expected for the next packet. */
  void start(long margin) {
    delay = margin;
  }

  /** A packet arrived {@code margin} samples ahead of the playout point (negative if late). */
  void observe(long margin) {
    delay += (margin - delay) * GAIN;
  }

  /**
   * The playout point moved {@code samples} less than time did (positive: held) or more (negative:
   * skipped); every later packet's margin changes by as much. Capped at the maximum delay so a long
   * pause, which holds the point read after read, leaves a sane figure.
   */
  void shift(long samples) {
    delay = Math.min(delay + samples, Math.max(delay, maxSamples));
  }

  /** True if the delay is so far below target that holding the playout point for a read is due. */
  boolean shouldGrow(int target, int readSamples) {
    return delay < target - readSamples / 2;
  }

  /** How many samples to skip to come back towards target, or 0. */
  int excess(int target, int readSamples) {
    if (delay <= target + readSamples / 2) return 0;
    return (int) Math.min(delay - target, Integer.MAX_VALUE);
  }

  /** True if the delay is beyond the configured maximum, where shrinking may be quick. */
  boolean aboveMax() {
    return delay > maxSamples;
  }

  /** The measured delay in samples (negative while packets arrive late). */
  double samples() {
    return delay;
  }
}
