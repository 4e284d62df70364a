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

  /**
   * Random puts, takes, removes and complete-copies against a plain model (a flag and a value per
   * timestamp), with ranges that start and end anywhere in the 64-sample words of the presence bits,
   * cross several of them and wrap around the ring.
   */
  @Test
  void agreesWithAPlainModelOverRandomRanges() {
    for (int size : new int[] {16, 64, 256, 1024}) {
      SampleRing ring = new SampleRing(size);
      boolean[] has = new boolean[size];
      short[] value = new short[size];
      java.util.Random random = new java.util.Random(size);
      long base = 4_000_000_000L + random.nextInt(size); // any phase against the ring
      short[] pcm = new short[size];
      short[] out = new short[size];
      for (int step = 0; step < 20_000; step++) {
        int from = random.nextInt(size);
        int count = random.nextInt(Math.min(size, 200)) + 1;
        if (from + count > size) count = size - from; // keep each range within one lap
        long ts = base + from;
        switch (random.nextInt(4)) {
          case 0 -> {
            for (int i = 0; i < count; i++) pcm[i] = (short) random.nextInt();
            ring.put(ts, pcm, 0, count);
            for (int i = 0; i < count; i++) {
              int slot = (int) ((ts + i) % size);
              has[slot] = true;
              value[slot] = pcm[i];
            }
          }
          case 1 -> {
            ring.remove(ts, count);
            for (int i = 0; i < count; i++) has[(int) ((ts + i) % size)] = false;
          }
          case 2 -> {
            boolean complete = true;
            for (int i = 0; i < count; i++) complete &= has[(int) ((ts + i) % size)];
            assertThat(ring.takeIfComplete(ts, count, out, 0)).as("size %d, %d+%d", size, from, count)
                .isEqualTo(complete);
            if (complete) {
              for (int i = 0; i < count; i++) {
                int slot = (int) ((ts + i) % size);
                assertThat(out[i]).isEqualTo(value[slot]);
                has[slot] = false;
              }
            }
          }
          default -> {
            boolean complete = true;
            for (int i = 0; i < count; i++) complete &= has[(int) ((ts + i) % size)];
            assertThat(ring.copyIfComplete(ts, count, out)).isEqualTo(complete);
          }
        }
        int probe = random.nextInt(size);
        assertThat(ring.has(base + probe)).as("size %d, slot %d after step %d", size, probe, step)
            .isEqualTo(has[(int) ((base + probe) % size)]);
      }
    }
  }
}
