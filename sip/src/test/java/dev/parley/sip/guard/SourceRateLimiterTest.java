package dev.parley.sip.guard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceRateLimiterTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void aSourceMaySendItsBurstAtOnceAndThenTheAverage() {
    SourceRateLimiter l = new SourceRateLimiter(10, 5, 0);
    for (int i = 0; i < 5; i++) assertThat(l.tryAcquire("10.0.0.1", 0)).as("request %d of the burst", i).isTrue();
    assertThat(l.tryAcquire("10.0.0.1", 0)).isFalse();
    // 10 per second: one more token every 100 ms, never more than the burst.
    assertThat(l.tryAcquire("10.0.0.1", SECOND / 10)).isTrue();
    assertThat(l.tryAcquire("10.0.0.1", SECOND / 10)).isFalse();
    int allowed = 0;
    for (int i = 0; i < 100; i++) if (l.tryAcquire("10.0.0.1", 100 * SECOND)) allowed++;
    assertThat(allowed).isEqualTo(5);
  }

  @Test
  void sourcesHaveTheirOwnBuckets() {
    SourceRateLimiter l = new SourceRateLimiter(1, 2, 0);
    assertThat(l.tryAcquire("a", 0)).isTrue();
    assertThat(l.tryAcquire("a", 0)).isTrue();
    assertThat(l.tryAcquire("a", 0)).isFalse();
    assertThat(l.tryAcquire("b", 0)).isTrue();
  }

  @Test
  void manySpoofedSourcesShareOneOverflowBucketAndMemoryStaysBounded() {
    SourceRateLimiter l = new SourceRateLimiter(1, 1, 0);
    for (int i = 0; i < SourceRateLimiter.MAX_SOURCES; i++) assertThat(l.tryAcquire("s" + i, 0)).isTrue();
    assertThat(l.sources()).isEqualTo(SourceRateLimiter.MAX_SOURCES);
    // The table is full and nobody has refilled: newcomers share the overflow bucket (one token).
    assertThat(l.tryAcquire("new-1", 0)).isTrue();
    assertThat(l.tryAcquire("new-2", 0)).isFalse();
    assertThat(l.sources()).isEqualTo(SourceRateLimiter.MAX_SOURCES);
    // Later every old bucket has refilled: they are forgotten and a newcomer gets its own.
    assertThat(l.tryAcquire("new-3", 10 * SECOND)).isTrue();
    assertThat(l.sources()).isEqualTo(1);
  }
}
