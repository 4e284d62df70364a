package dev.parley.media.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TickStatsTest {
  @Test
  void eachTickLandsInTheFirstBucketWhoseBoundItDoesNotExceed() {
    TickStats s = new TickStats(0);
    s.recordTick(10_000, false);      // 10 us: first bucket (<= 50 us)
    s.recordTick(50_000, false);      // on the bound: still the first
    s.recordTick(50_001, false);      // just above: the second (<= 100 us)
    s.recordTick(3_000_000, true);    // 3 ms: the <= 5 ms bucket
    s.recordTick(90_000_000, true);   // above every bound: the overflow bucket
    assertThat(s.bucketCount(0)).isEqualTo(2);
    assertThat(s.bucketCount(1)).isEqualTo(1);
    assertThat(s.bucketCount(6)).isEqualTo(1);
    assertThat(s.bucketCount(TickStats.buckets() - 1)).isEqualTo(1);
    assertThat(s.sumNanos()).isEqualTo(10_000 + 50_000 + 50_001 + 3_000_000 + 90_000_000L);
    assertThat(s.lateTicks()).isEqualTo(2);
  }

  @Test
  void skippedTicksAreCountedApartFromLateOnes() {
    TickStats s = new TickStats(3);
    s.recordSkipped();
    s.recordSkipped();
    assertThat(s.skippedTicks()).isEqualTo(2);
    assertThat(s.lateTicks()).isZero();
    assertThat(s.worker()).isEqualTo(3);
  }

  @Test
  void boundsAreSecondsInRisingOrder() {
    double[] b = TickStats.boundsSeconds();
    assertThat(b).hasSize(TickStats.buckets() - 1);
    for (int i = 1; i < b.length; i++) assertThat(b[i]).isGreaterThan(b[i - 1]);
    assertThat(b[0]).isEqualTo(0.00005);
  }
}
