package dev.parley.media.jitter;

/**
 * Counters of one {@link JitterBuffer}, live: the buffer updates this object in place.
 *
 * <p>Plain fields written by the media thread that owns the buffer, without synchronisation so the
 * media path pays nothing: readers on other threads (metrics, the admin API) may see slightly stale
 * values, and must not use them for decisions. All counts are cumulative for the member; {@link
 * JitterBuffer#reset()} does not clear them.
 */
public final class JitterStats {
  long received;
  long duplicates;
  long late;
  long concealedFrames;
  long shortenedReads;
  long lostPackets;
  long resyncs;
  long reordered;
  int currentDelayMs;
  double jitterMs;

  JitterStats() {}

  /** Every packet given to {@code put}, whatever became of it. */
  public long received() {
    return received;
  }

  /** Packets whose sequence number and timestamp had already been received; ignored. */
  public long duplicates() {
    return duplicates;
  }

  /** Packets whose audio lay entirely before the playout point when they arrived; dropped. */
  public long late() {
    return late;
  }

  /** Reads that returned {@link JitterBuffer.Playout#CONCEALED}. */
  public long concealedFrames() {
    return concealedFrames;
  }

  /** Reads that cut a few samples out (time compression) to lower the delay. */
  public long shortenedReads() {
    return shortenedReads;
  }

  /**
   * Packets never received: expected (from the sequence numbers) minus distinct packets received, as
   * RFC 3550 §6.4.1 counts them; late packets were received, so they are not lost. A packet that turns
   * up out of order after being counted lowers the count again.
   */
  public long lostPackets() {
    return lostPackets;
  }

  /** Restarts that dropped buffered audio: SSRC changes and timestamp jumps. */
  public long resyncs() {
    return resyncs;
  }

  /** Packets that arrived after a higher sequence number and were still put in place. */
  public long reordered() {
    return reordered;
  }

  /**
   * The playout delay being applied: how far ahead of their turn packets arrive, averaged over recent
   * packets, in milliseconds. This is the headroom that absorbs jitter, on top of the read in progress;
   * 0 before playout starts.
   */
  public int currentDelayMs() {
    return currentDelayMs;
  }

  /** The interarrival jitter estimate of RFC 3550 §6.4.1, in milliseconds. */
  public double jitterMs() {
    return jitterMs;
  }

  @Override
  public String toString() {
    return "JitterStats{received=" + received + ", duplicates=" + duplicates + ", late=" + late
        + ", concealedFrames=" + concealedFrames
        + ", shortenedReads=" + shortenedReads + ", lost=" + lostPackets + ", resyncs=" + resyncs
        + ", reordered=" + reordered + ", delayMs=" + currentDelayMs
        + ", jitterMs=" + String.format("%.2f", jitterMs) + "}";
  }
}
