package dev.parley.media.jitter;

import java.util.Arrays;

/**
 * Decoded samples indexed by extended RTP timestamp, with a presence flag per sample so holes (lost or
 * not yet arrived packets) are visible.
 *
 * <p>A ring of a power-of-two size at least the capacity: timestamp {@code t} lives at {@code t & mask}.
 * The owner keeps every stored sample within {@code capacity} of the playout point and clears samples
 * as it consumes them, so two live samples never share a slot. Used by one media thread.
 */
final class SampleRing {
  private final short[] samples;
  private final boolean[] present;
  private final int mask;

  SampleRing(int capacitySamples) {
    int size = Integer.highestOneBit(Math.max(capacitySamples, 2) - 1) << 1;
    samples = new short[size];
    present = new boolean[size];
    mask = size - 1;
  }

  /** Stores {@code count} samples of {@code pcm[offset..]} at timestamps {@code ts..ts+count}. */
  void put(long ts, short[] pcm, int offset, int count) {
    for (int i = 0; i < count; i++) {
      int slot = (int) (ts + i) & mask;
      samples[slot] = pcm[offset + i];
      present[slot] = true;
    }
  }

  boolean has(long ts) {
    return present[(int) ts & mask];
  }

  /** Removes and returns the sample at {@code ts}, which must be present. */
  short take(long ts) {
    int slot = (int) ts & mask;
    present[slot] = false;
    return samples[slot];
  }

  /**
   * Copies {@code count} samples from {@code ts} into {@code out} if every one of them is present,
   * without removing them.
   *
   * @return false, copying nothing useful, if any sample in the range is missing
   */
  boolean copyIfComplete(long ts, int count, short[] out) {
    for (int i = 0; i < count; i++) {
      int slot = (int) (ts + i) & mask;
      if (!present[slot]) return false;
      out[i] = samples[slot];
    }
    return true;
  }

  /** Marks {@code count} samples from {@code ts} absent. */
  void remove(long ts, int count) {
    for (int i = 0; i < count; i++) present[(int) (ts + i) & mask] = false;
  }

  void clear() {
    Arrays.fill(present, false);
  }
}
