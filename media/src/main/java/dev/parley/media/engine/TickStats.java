package dev.parley.media.engine;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * How long one media worker's room ticks take (jitter buffer reads, mix, encode, send), as a
 * histogram with fixed buckets, and how many ticks came late. Written by that worker's thread only,
 * read by any thread (the metrics scrape): plain reads and release writes of one preallocated array,
 * so recording allocates nothing and takes no lock.
 *
 * <p>A tick is <em>late</em> when it starts more than one room interval after its deadline: it is a
 * catch-up tick, and the frame it sends leaves at least one interval behind its clock. Ticks the
 * worker skipped because it was more than five behind are counted apart.
 */
public final class TickStats {
  /** Upper bounds of the buckets, in nanoseconds (the last bucket is everything above). */
  private static final long[] BOUNDS_NANOS = {
      50_000, 100_000, 250_000, 500_000, 1_000_000, 2_500_000, 5_000_000, 10_000_000, 20_000_000};
  private static final int SUM = BOUNDS_NANOS.length + 1;
  private static final int LATE = SUM + 1;
  private static final int SKIPPED = LATE + 1;

  private final int worker;
  private final AtomicLongArray cells = new AtomicLongArray(SKIPPED + 1);

  TickStats(int worker) {
    this.worker = worker;
  }

  /** The media worker's index, for the {@code worker} label. */
  public int worker() {
    return worker;
  }

  /** The bucket bounds in seconds, for the exposition's {@code le} labels. */
  public static double[] boundsSeconds() {
    double[] s = new double[BOUNDS_NANOS.length];
    for (int i = 0; i < s.length; i++) s[i] = BOUNDS_NANOS[i] / 1e9;
    return s;
  }

  /** Worker thread only. */
  void recordTick(long spentNanos, boolean late) {
    int b = 0;
    while (b < BOUNDS_NANOS.length && spentNanos > BOUNDS_NANOS[b]) b++;
    increment(b, 1);
    increment(SUM, spentNanos);
    if (late) increment(LATE, 1);
  }

  /** Worker thread only. */
  void recordSkipped() {
    increment(SKIPPED, 1);
  }

  private void increment(int cell, long by) {
    // One writer: no read-modify-write race, so no CAS; release makes it visible to the scrape.
    cells.setRelease(cell, cells.getPlain(cell) + by);
  }

  /** Ticks that took at most bucket {@code i}'s bound and more than the one before (not cumulative). */
  public long bucketCount(int i) {
    return cells.getAcquire(i);
  }

  /** The number of buckets, the overflow bucket included. */
  public static int buckets() {
    return BOUNDS_NANOS.length + 1;
  }

  public long sumNanos() {
    return cells.getAcquire(SUM);
  }

  public long lateTicks() {
    return cells.getAcquire(LATE);
  }

  public long skippedTicks() {
    return cells.getAcquire(SKIPPED);
  }
}
