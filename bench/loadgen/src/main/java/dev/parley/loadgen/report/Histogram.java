package dev.parley.loadgen.report;

/**
 * Counts of non-negative durations in fixed buckets, for percentiles without storing samples or
 * allocating per value: {@link #record} is an array increment, so it can sit on the receive path.
 *
 * <p>Buckets are {@code bucketNanos} wide from 0; values past the last bucket land in an overflow
 * bucket, and the exact maximum is kept apart. A percentile is reported as the upper edge of the
 * bucket that holds it (so it errs high by less than one bucket), or as the maximum when it falls in
 * the overflow bucket. Not thread-safe: one writer, read after the writer has stopped.
 */
public final class Histogram {

  private final long bucketNanos;
  private final long[] counts;
  private long total;
  private long maxNanos;

  /** {@code buckets} buckets of {@code bucketNanos}, plus one for overflow. */
  public Histogram(long bucketNanos, int buckets) {
    if (bucketNanos <= 0 || buckets <= 0) throw new IllegalArgumentException("bucketNanos and buckets must be > 0");
    this.bucketNanos = bucketNanos;
    this.counts = new long[buckets + 1];
  }

  public void record(long nanos) {
    long v = Math.max(0, nanos);
    int b = (int) Math.min(counts.length - 1, v / bucketNanos);
    counts[b]++;
    total++;
    if (v > maxNanos) maxNanos = v;
  }

  /** Adds every count of {@code other}, which must have the same buckets. */
  public void addAll(Histogram other) {
    if (other.bucketNanos != bucketNanos || other.counts.length != counts.length) {
      throw new IllegalArgumentException("different buckets");
    }
    for (int i = 0; i < counts.length; i++) counts[i] += other.counts[i];
    total += other.total;
    maxNanos = Math.max(maxNanos, other.maxNanos);
  }

  public long count() {
    return total;
  }

  public long maxNanos() {
    return maxNanos;
  }

  /**
   * The value at or below which {@code fraction} (0 to 1) of the values lie: the upper edge of its
   * bucket, capped at the maximum. 0 when nothing was recorded.
   */
  public long percentileNanos(double fraction) {
    if (fraction < 0 || fraction > 1) throw new IllegalArgumentException("fraction " + fraction);
    if (total == 0) return 0;
    long rank = Math.max(1, (long) Math.ceil(fraction * total));
    long seen = 0;
    for (int b = 0; b < counts.length; b++) {
      seen += counts[b];
      if (seen >= rank) {
        if (b == counts.length - 1) return maxNanos;
        return Math.min(maxNanos, (b + 1) * bucketNanos);
      }
    }
    return maxNanos;
  }
}
