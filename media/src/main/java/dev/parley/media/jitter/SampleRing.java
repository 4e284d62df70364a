package dev.parley.media.jitter;

import java.util.Arrays;

/**
 * Decoded samples indexed by extended RTP timestamp, with a presence bit per sample so holes (lost or
 * not yet arrived packets) are visible. The bits are packed in longs, so marking or testing a 20 ms
 * frame touches three words instead of 160 flags (per-sample flags were a tenth of a media thread's
 * time with a thousand members).
 *
 * <p>A ring of a power-of-two size at least the capacity: timestamp {@code t} lives at {@code t & mask}.
 * The owner keeps every stored sample within {@code capacity} of the playout point and clears samples
 * as it consumes them, so two live samples never share a slot. Used by one media thread.
 */
final class SampleRing {
  private final short[] samples;
  /** Bit {@code i % 64} of word {@code i / 64} is set when sample slot {@code i} holds a sample. */
  private final long[] present;
  private final int mask;

  SampleRing(int capacitySamples) {
    int size = Integer.highestOneBit(Math.max(capacitySamples, 2) - 1) << 1;
    samples = new short[size];
    present = new long[(size + 63) >>> 6];
    mask = size - 1;
  }

  /** Stores {@code count} samples of {@code pcm[offset..]} at timestamps {@code ts..ts+count}. */
  void put(long ts, short[] pcm, int offset, int count) {
    int slot = (int) ts & mask;
    int first = Math.min(count, samples.length - slot); // up to the end of the ring, then from 0
    System.arraycopy(pcm, offset, samples, slot, first);
    mark(slot, first, true);
    System.arraycopy(pcm, offset + first, samples, 0, count - first);
    mark(0, count - first, true);
  }

  boolean has(long ts) {
    int slot = (int) ts & mask;
    return (present[slot >>> 6] & (1L << slot)) != 0;
  }

  /** Removes and returns the sample at {@code ts}, which must be present. */
  short take(long ts) {
    int slot = (int) ts & mask;
    present[slot >>> 6] &= ~(1L << slot);
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
    if (count <= 0) return true;
    int last = from + count - 1;
    int firstWord = from >>> 6, lastWord = last >>> 6;
    long firstMask = -1L << from, lastMask = -1L >>> (63 - (last & 63)); // shifts take the low 6 bits
    if (firstWord == lastWord) return (present[firstWord] & firstMask & lastMask) == (firstMask & lastMask);
    if ((present[firstWord] & firstMask) != firstMask) return false;
    for (int w = firstWord + 1; w < lastWord; w++) {
      if (present[w] != -1L) return false;
    }
    return (present[lastWord] & lastMask) == lastMask;
  }

  /** Sets or clears the bits of slots {@code from..from+count-1}. */
  private void mark(int from, int count, boolean on) {
    if (count <= 0) return;
    int last = from + count - 1;
    int firstWord = from >>> 6, lastWord = last >>> 6;
    long firstMask = -1L << from, lastMask = -1L >>> (63 - (last & 63));
    if (firstWord == lastWord) {
      set(firstWord, firstMask & lastMask, on);
      return;
    }
    set(firstWord, firstMask, on);
    for (int w = firstWord + 1; w < lastWord; w++) present[w] = on ? -1L : 0L;
    set(lastWord, lastMask, on);
  }

  private void set(int word, long bits, boolean on) {
    present[word] = on ? present[word] | bits : present[word] & ~bits;
  }

  /** Marks {@code count} samples from {@code ts} absent. */
  void remove(long ts, int count) {
    int slot = (int) ts & mask;
    int first = Math.min(count, samples.length - slot);
    mark(slot, first, false);
    mark(0, count - first, false);
  }

  void clear() {
    Arrays.fill(present, 0L);
  }
}
