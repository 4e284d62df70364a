package dev.parley.loadgen.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HistogramTest {

  @Test
  void percentilesAreTheUpperEdgeOfTheBucketHoldingThem() {
    Histogram h = new Histogram(10, 100);
    for (int i = 0; i < 100; i++) h.record(10 * i + 5); // one value in the middle of each bucket
    assertThat(h.percentileNanos(0.5)).isEqualTo(500);
    assertThat(h.percentileNanos(0.99)).isEqualTo(990);
    assertThat(h.percentileNanos(0.01)).isEqualTo(10);
    assertThat(h.maxNanos()).isEqualTo(995);
  }

  @Test
  void aPercentileNeverExceedsTheMaximum() {
    Histogram h = new Histogram(1000, 10);
    h.record(3);
    assertThat(h.percentileNanos(0.5)).isEqualTo(3);
  }

  @Test
  void valuesPastTheLastBucketReportTheExactMaximum() {
    Histogram h = new Histogram(10, 2);
    for (int i = 0; i < 98; i++) h.record(5);
    h.record(500);
    h.record(900);
    assertThat(h.percentileNanos(0.5)).isEqualTo(10);
    assertThat(h.percentileNanos(0.99)).isEqualTo(900);
  }

  @Test
  void anEmptyHistogramReportsZero() {
    assertThat(new Histogram(10, 10).percentileNanos(0.99)).isZero();
  }

  @Test
  void addingHistogramsSumsTheirCountsAndKeepsTheLargerMaximum() {
    Histogram a = new Histogram(10, 10), b = new Histogram(10, 10);
    a.record(5);
    b.record(95);
    b.record(15);
    a.addAll(b);
    assertThat(a.count()).isEqualTo(3);
    assertThat(a.maxNanos()).isEqualTo(95);
    assertThat(a.percentileNanos(0.5)).isEqualTo(20);
  }

  @Test
  void negativeValuesCountAsZero() {
    Histogram h = new Histogram(10, 10);
    h.record(-7);
    assertThat(h.percentileNanos(1)).isZero();
  }
}
