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
 * <p>Growing follows the average, shrinking the <em>least</em> margin of the last {@link
 * #BLOCK_PACKETS} to twice as many packets. The average alone made the buffer oscillate for a stream
 * whose packets arrive right at the read instant (a trunk or a mixer locked to our clock, an echo of
 * our own output, a phone drifting through that phase): each packet lands just before its read or
 * just after it, so margins take two values a read apart and their average sits between them, where
 * its wander crossed the shrink threshold now and then. A cut of a few samples then made the next
 * packets a little short, and sooner or later a hold gave the time back: a phase jump and a concealed
 * frame for nothing. After a stall the packets that queued up arrive in a burst with large margins,
 * which lifted the average too. The least margin is what decides whether a packet would have been
 * late: shrinking only while even that is well above target never makes a packet late, and a burst
 * never lifts it (its first packet has the usual margin). A packet with no margin at all asks to grow
 * whatever the average says, so a stream that starts on the wrong side of that phase grows once,
 * early, instead of when its average happens to wander low. What remains: a stall of the whole
 * machine still reads as jitter to the RFC 3550 estimate (the queued packets share one arrival
 * time), so the target rises for a moment, the buffer may hold once, and it cuts that back in a few
 * reads as the estimate decays.
 *
 * <p>Used by one media thread; no allocation.
 */
final class PlayoutDelay {
  private static final double JITTER_FACTOR = 3.0;
  private static final double GAIN = 1.0 / 16;
  /**
   * Packets per block of the running minimum: 25, half a second of 20 ms packets. The minimum covers
   * the current block and the one before, so a margin counts for one to two blocks.
   */
  static final int BLOCK_PACKETS = 25;

  private final int minSamples;
  private final int maxSamples;
  private double delay;
  /** The least margin of the packets of the current block, and of the block before (shifted alike). */
  private long blockMin;
  private long previousBlockMin;
  private int blockPackets;

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
    blockMin = margin;
    previousBlockMin = margin;
    blockPackets = 0;
  }

  /** A packet arrived {@code margin} samples ahead of the playout point (negative if late). */
  void observe(long margin) {
    delay += (margin - delay) * GAIN;
    if (blockPackets == BLOCK_PACKETS) {
      previousBlockMin = blockMin;
      blockMin = margin;
      blockPackets = 1;
    } else {
      blockMin = Math.min(blockMin, margin);
      blockPackets++;
    }
  }

  /**
   * The playout point moved {@code samples} less than time did (positive: held) or more (negative:
   * skipped); every later packet's margin changes by as much. Capped at the maximum delay so a long
   * pause, which holds the point read after read, leaves a sane figure.
   */
  void shift(long samples) {
    delay = Math.min(delay + samples, Math.max(delay, maxSamples));
    blockMin = Math.min(blockMin + samples, Math.max(blockMin, maxSamples));
    previousBlockMin = Math.min(previousBlockMin + samples, Math.max(previousBlockMin, maxSamples));
  }

  /**
   * True if holding the playout point for a read is due: the delay is far below target, or a recent
   * packet came with no margin at all (needed by the very next read, or late).
   */
  boolean shouldGrow(int target, int readSamples) {
    return delay < target - readSamples / 2 || leastMargin() <= 0;
  }

  /**
   * How many samples to skip to come back towards target, or 0: judged on the least recent margin,
   * so that no packet the window saw would have been late after the cut.
   */
  int excess(int target, int readSamples) {
    long least = leastMargin();
    if (least <= target + readSamples / 2) return 0;
    return (int) Math.min(least - target, Integer.MAX_VALUE);
  }

  /** The least margin of the last one to two blocks of packets, in samples. */
  long leastMargin() {
    return Math.min(blockMin, previousBlockMin);
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
