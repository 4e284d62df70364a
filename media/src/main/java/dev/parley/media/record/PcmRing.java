package dev.parley.media.record;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A single-producer, single-consumer ring of 16-bit samples: the media thread writes a frame per tick,
 * a writer thread reads. Lock-free and allocation-free after construction; the two sides meet only on
 * two counters (release on write, acquire on read).
 *
 * <p>When the reader falls behind by the whole capacity, {@link #offer} refuses the frame rather than
 * overwrite samples the reader has not taken: the recording loses a frame, the mix never waits.
 */
final class PcmRing {
  private final short[] samples;
  private final int mask;
  /** Samples ever written; only the producer moves it. */
  private final AtomicLong written = new AtomicLong();
  /** Samples ever read; only the consumer moves it. */
  private final AtomicLong read = new AtomicLong();

  /** @param minCapacity rounded up to a power of two */
  PcmRing(int minCapacity) {
    int cap = Integer.highestOneBit(Math.max(2, minCapacity) - 1) << 1;
    samples = new short[cap];
    mask = cap - 1;
  }

  int capacity() {
    return samples.length;
  }

  /** Producer: appends {@code count} samples, or nothing (false) when they do not fit. */
  boolean offer(short[] frame, int count) {
    long w = written.get();
    if (w + count - read.getAcquire() > samples.length) return false;
    for (int i = 0; i < count; i++) samples[(int) ((w + i) & mask)] = frame[i];
    written.setRelease(w + count);
    return true;
  }

  /** Consumer: moves up to {@code out.length} samples into {@code out}; returns how many. */
  int drain(short[] out) {
    long r = read.get();
    int n = (int) Math.min(out.length, written.getAcquire() - r);
    for (int i = 0; i < n; i++) out[i] = samples[(int) ((r + i) & mask)];
    read.setRelease(r + n);
    return n;
  }
}
