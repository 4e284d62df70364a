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
}
