package dev.parley.media.jitter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SampleRingTest {
  @Test
  void storesByTimestampAndTracksHoles() {
    SampleRing ring = new SampleRing(1000);
    short[] pcm = {1, 2, 3, 4, 5};
    ring.put(5_000_000_000L, pcm, 1, 3);
    assertThat(ring.has(4_999_999_999L)).isFalse();
    assertThat(ring.has(5_000_000_000L)).isTrue();
    assertThat(ring.take(5_000_000_001L)).isEqualTo((short) 3);
    assertThat(ring.has(5_000_000_001L)).isFalse();
    short[] copy = new short[3];
    assertThat(ring.copyIfComplete(5_000_000_000L, 3, copy)).as("a hole in the middle").isFalse();
    ring.put(5_000_000_001L, pcm, 0, 1);
    assertThat(ring.copyIfComplete(5_000_000_000L, 3, copy)).isTrue();
    assertThat(copy).containsExactly(2, 1, 4);
    ring.remove(5_000_000_000L, 2);
    assertThat(ring.has(5_000_000_001L)).isFalse();
    assertThat(ring.has(5_000_000_002L)).isTrue();
    ring.clear();
    assertThat(ring.has(5_000_000_002L)).isFalse();
  }

  @Test
  void holdsAtLeastItsCapacityWithoutAliasing() {
    SampleRing ring = new SampleRing(8000);
    short[] one = {7};
    for (long t = 100; t < 8100; t++) ring.put(t, one, 0, 1);
    for (long t = 100; t < 8100; t++) assertThat(ring.has(t)).isTrue();
    assertThat(ring.has(99)).isFalse();
    assertThat(ring.has(8100)).isFalse();
  }

  @Test
  void bulkOperationsAcrossTheEndOfTheRing() {
    SampleRing ring = new SampleRing(16); // 16 slots: timestamps 12..19 wrap to 12..15, 0..3
    short[] pcm = {1, 2, 3, 4, 5, 6, 7, 8};
    ring.put(12, pcm, 0, 8);
    short[] out = new short[8];
    assertThat(ring.copyIfComplete(12, 8, out, 0)).isTrue();
    assertThat(out).containsExactly(pcm);
    assertThat(ring.copyIfComplete(11, 8, out, 0)).as("11 was never stored").isFalse();
    assertThat(ring.takeIfComplete(14, 6, out, 2)).isTrue();
    assertThat(out).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    assertThat(ring.has(13)).isTrue();
    for (long t = 14; t < 20; t++) assertThat(ring.has(t)).as("taken: " + t).isFalse();
    assertThat(ring.takeIfComplete(13, 2, out, 0)).as("14 is gone").isFalse();
    assertThat(ring.has(13)).as("a failed take removes nothing").isTrue();
  }
}
