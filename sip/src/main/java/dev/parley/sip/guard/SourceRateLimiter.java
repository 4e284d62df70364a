package dev.parley.sip.guard;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * One token bucket per source address: a source may send {@code burst} requests at once and
 * {@code perSecond} on average after that. Time is passed in (nanoseconds, any origin), so tests need
 * no clock. Thread-safe (one lock: it runs on the SIP stack's receive threads, never on the media path).
 *
 * <p>Memory is bounded: at most {@link #MAX_SOURCES} buckets. When the table is full, buckets that
 * have refilled (sources that went quiet) are forgotten; if none has, the newcomer shares one
 * overflow bucket, so a flood from spoofed addresses is limited as a whole.
 */
public final class SourceRateLimiter {
  public static final int MAX_SOURCES = 10_000;

  private final double perNano;
  private final double burst;
  private final Map<String, Bucket> buckets = new HashMap<>();
  private final Bucket overflow;

  private static final class Bucket {
    double tokens;
    long updatedNanos;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.updatedNanos = now;
    }
  }

  /** @param perSecond average requests per second, > 0; @param burst bucket size, >= 1 */
  public SourceRateLimiter(double perSecond, int burst, long nowNanos) {
    if (!(perSecond > 0) || burst < 1) throw new IllegalArgumentException("rate " + perSecond + "/s, burst " + burst);
    this.perNano = perSecond / 1e9;
    this.burst = burst;
    this.overflow = new Bucket(burst, nowNanos);
  }

  /** Takes a token for {@code source}; false when its bucket is empty (the request is over the limit). */
  public synchronized boolean tryAcquire(String source, long nowNanos) {
    Bucket b = buckets.get(source);
    if (b == null) {
      if (buckets.size() >= MAX_SOURCES) forgetRefilled(nowNanos);
      if (buckets.size() >= MAX_SOURCES) {
        b = overflow;
      } else {
        b = new Bucket(burst, nowNanos);
        buckets.put(source, b);
      }
    }
    refill(b, nowNanos);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  /** How many sources have a bucket (for tests of the bound). */
  public synchronized int sources() {
    return buckets.size();
  }

  private void refill(Bucket b, long now) {
    long elapsed = now - b.updatedNanos;
    if (elapsed > 0) {
      b.tokens = Math.min(burst, b.tokens + elapsed * perNano);
      b.updatedNanos = now;
    }
  }

  private void forgetRefilled(long now) {
    for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext(); ) {
      Bucket b = it.next();
      refill(b, now);
      if (b.tokens >= burst) it.remove();
    }
  }
}
