package dev.parley.media.jitter;

/**
 * The interarrival jitter estimate of RFC 3550 §6.4.1: the mean deviation of the difference in transit
 * time between consecutive packets (in arrival order), smoothed with gain 1/16, in timestamp units.
 *
 * <p>Used by one media thread; no allocation.
 */
final class InterarrivalJitter {
  private final double unitsPerNano;
  private double jitter;
  private boolean primed;
  private long previousArrivalNanos;
  private long previousTimestamp;

  InterarrivalJitter(int clockRateHz) {
    this.unitsPerNano = clockRateHz / 1e9;
  }

  /**
   * Feeds one packet.
   *
   * @param timestamp the packet's extended (unwrapped) RTP timestamp
   * @param arrivalNanos its arrival time on the {@link System#nanoTime()} scale
   */
  void update(long timestamp, long arrivalNanos) {
    if (primed) {
      // D(i-1,i) = (Rj - Ri) - (Sj - Si); differences keep both clocks' offsets out of it.
      double d = (arrivalNanos - previousArrivalNanos) * unitsPerNano - (timestamp - previousTimestamp);
      jitter += (Math.abs(d) - jitter) / 16;
    }
    primed = true;
    previousArrivalNanos = arrivalNanos;
    previousTimestamp = timestamp;
  }

  /** Forgets the previous packet (its timestamps are from another timeline) but keeps the estimate. */
  void restart() {
    primed = false;
  }

  void clear() {
    primed = false;
    jitter = 0;
  }

  /** The estimate, in timestamp units. */
  double units() {
    return jitter;
  }
}
