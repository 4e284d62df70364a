package dev.parley.media.jitter;

import dev.parley.media.rtp.RtpSeq;
import java.util.Arrays;

/**
 * Sequence-number bookkeeping for one stream: duplicate detection, the highest sequence number (with
 * wrap-around cycles, RFC 3550 Appendix A.1) and the loss count of §6.4.1.
 *
 * <p>Duplicates are remembered in a small table indexed by the low bits of the sequence number; an
 * entry matches only if both the sequence number and the timestamp match, so a sender that restarts
 * its numbering is not mistaken for a stream of duplicates. Used by one media thread; no allocation
 * after construction.
 */
final class SequenceTracker {
  /** RFC 3550 A.1: a jump ahead larger than this restarts the numbering rather than counting losses. */
  static final int MAX_DROPOUT = 3000;
  /** RFC 3550 A.1: a packet further behind than this, yet still in time, means the numbering restarted. */
  static final int MAX_MISORDER = 100;

  private static final int SLOTS = 1024;
  private final int[] slotSequence = new int[SLOTS];
  private final int[] slotTimestamp = new int[SLOTS];

  private int highest;
  private long extendedHighest;
  private long extendedBase;
  private long distinct;
  private long lostInEarlierRuns;

  /** Starts counting afresh at {@code sequence} (a new stream); losses so far are kept. */
  void start(int sequence) {
    lostInEarlierRuns += lostInThisRun();
    Arrays.fill(slotSequence, -1);
    restartNumbering(sequence);
  }

  private void restartNumbering(int sequence) {
    highest = sequence;
    extendedHighest = sequence;
    extendedBase = sequence;
    distinct = 0;
  }

  /** The highest sequence number accepted so far, 0..65535. */
  int highest() {
    return highest;
  }

  /** True if this exact packet (sequence number and 32-bit timestamp) was accepted before. */
  boolean isDuplicate(int sequence, long timestamp) {
    int slot = sequence & (SLOTS - 1);
    return slotSequence[slot] == sequence && slotTimestamp[slot] == (int) timestamp;
  }

  /**
   * Records a packet that is not a duplicate.
   *
   * @param inTime false for a packet that arrived too late to play: a straggler never restarts the
   *     numbering
   * @return its distance from the highest sequence number before it: negative if out of order
   */
  int accept(int sequence, long timestamp, boolean inTime) {
    int delta = RtpSeq.diff(sequence, highest);
    if (delta > MAX_DROPOUT || (inTime && delta < -MAX_MISORDER)) {
      lostInEarlierRuns += lostInThisRun();
      restartNumbering(sequence);
      delta = 0;
    } else if (delta > 0) {
      highest = sequence;
      extendedHighest += delta;
    } else if (inTime && extendedHighest + delta < extendedBase) {
      // Overtaken by the first packet but still played: expected grows by it. A late straggler may
      // be from before a restart, so it does not move the base.
      extendedBase = extendedHighest + delta;
    }
    int slot = sequence & (SLOTS - 1);
    slotSequence[slot] = sequence;
    slotTimestamp[slot] = (int) timestamp;
    distinct++;
    return delta;
  }

  /** Packets missing from the sequence so far, across restarts. */
  long lost() {
    return lostInEarlierRuns + lostInThisRun();
  }

  private long lostInThisRun() {
    if (distinct == 0) return 0; // nothing accepted yet: the numbering has not really started
    return Math.max(0, extendedHighest - extendedBase + 1 - distinct);
  }
}
