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
    int slot = (int) ts & mask;
    int first = Math.min(count, samples.length - slot); // up to the end of the ring, then from 0
    System.arraycopy(pcm, offset, samples, slot, first);
    Arrays.fill(present, slot, slot + first, true);
    System.arraycopy(pcm, offset + first, samples, 0, count - first);
    Arrays.fill(present, 0, count - first, true);
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
   * @return false, copying nothing, if any sample in the range is missing
   */
  boolean copyIfComplete(long ts, int count, short[] out) {
    return copyIfComplete(ts, count, out, 0);
  }

  /** As {@link #copyIfComplete(long, int, short[])}, into {@code out[offset..]}. */
  boolean copyIfComplete(long ts, int count, short[] out, int offset) {
    int slot = (int) ts & mask;
    int first = Math.min(count, samples.length - slot);
    if (!allPresent(slot, first) || !allPresent(0, count - first)) return false;
    System.arraycopy(samples, slot, out, offset, first);
    System.arraycopy(samples, 0, out, offset + first, count - first);
    return true;
  }

  /** Removes {@code count} samples from {@code ts} into {@code out[offset..]} if all are present. */
  boolean takeIfComplete(long ts, int count, short[] out, int offset) {
    if (!copyIfComplete(ts, count, out, offset)) return false;
    remove(ts, count);
    return true;
  }

  private boolean allPresent(int from, int count) {
    for (int i = from; i < from + count; i++) {
      if (!present[i]) return false;
    }
    return true;
  }

  /** Marks {@code count} samples from {@code ts} absent. */
  void remove(long ts, int count) {
    int slot = (int) ts & mask;
    int first = Math.min(count, samples.length - slot);
    Arrays.fill(present, slot, slot + first, false);
    Arrays.fill(present, 0, count - first, false);
  }

  void clear() {
    Arrays.fill(present, false);
  }
}
