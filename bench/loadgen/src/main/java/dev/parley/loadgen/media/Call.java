package dev.parley.loadgen.media;

import dev.parley.loadgen.report.Histogram;
import java.nio.channels.DatagramChannel;

/**
 * One member's media: its RTP socket, what it sends, and what it measured of what it received.
 *
 * <p>Threads: the SIP thread connects {@link #channel} and sets {@link #active} (volatile, the
 * publication point); after that the send fields belong to the sender thread and the receive fields
 * to the receiver thread. The report reads both after those threads have been joined.
 */
public final class Call {

  /** Jitter buckets of 100 µs up to 100 ms: fine enough for p99 of a 20 ms stream. */
  static final long JITTER_BUCKET_NANOS = 100_000;
  static final int JITTER_BUCKETS = 1000;

  public final int index;
  public final int room;
  public final int indexInRoom;
  public final DatagramChannel channel;
  final AudioLoop audio;
  final int ssrc;

  /** Sending once the call is answered; cleared to stop it before BYE. */
  public volatile boolean active;

  // --- sender thread
  int seq;
  int timestamp;
  long frameIndex;
  long sent;
  long sendErrors;

  // --- receiver thread
  long receivedTotal;
  long receivedInWindow;
  boolean haveLast;
  int lastSeq;
  int lastTimestamp;
  long lastArrivalNanos;
  long seqGaps;
  long seqMissing;
  long seqLateOrDuplicate;
  /** Extended (RFC 3550 A.1) sequence number of the newest packet, and of the first and newest in the window. */
  long extendedSeq;
  long windowFirstSeq = -1;
  long windowHighestSeq = -1;
  /** Packets of the window at or after its first sequence number: what RFC 3550 A.3 counts as received. */
  long windowReceivedInRange;
  long receiveErrors;
  final Histogram jitter = new Histogram(JITTER_BUCKET_NANOS, JITTER_BUCKETS);
  /** Raw PCMU received during the tone-check window, for the calls that are checked; else null. */
  byte[] capture;
  int captureLength;

  public Call(int index, int room, int indexInRoom, DatagramChannel channel, AudioLoop audio, int ssrc) {
    this.index = index;
    this.room = room;
    this.indexInRoom = indexInRoom;
    this.channel = channel;
    this.audio = audio;
    this.ssrc = ssrc;
    this.seq = ssrc & 0x7fff; // RFC 3550 §5.1: random initial sequence number and timestamp
    this.timestamp = ssrc * 31;
  }

  /** Asks the receiver to keep {@code bytes} of PCMU received during the tone-check window. */
  public void captureAudio(int bytes) {
    capture = new byte[bytes];
  }

  public long sent() {
    return sent;
  }

  public long sendErrors() {
    return sendErrors;
  }

  public long receivedTotal() {
    return receivedTotal;
  }

  /** Packets the window's sequence numbers say were sent: newest minus first, plus one (RFC 3550 A.3). */
  public long expectedBySequence() {
    return windowFirstSeq < 0 ? 0 : windowHighestSeq - windowFirstSeq + 1;
  }

  /** Expected by sequence number minus received: lost on the way, however late the rest was read. */
  public long lostBySequence() {
    return Math.max(0, expectedBySequence() - windowReceivedInRange);
  }

  public long receivedInWindow() {
    return receivedInWindow;
  }

  public long seqGaps() {
    return seqGaps;
  }

  public long seqMissing() {
    return seqMissing;
  }

  public long seqLateOrDuplicate() {
    return seqLateOrDuplicate;
  }

  public long receiveErrors() {
    return receiveErrors;
  }

  public Histogram jitter() {
    return jitter;
  }

  /** The captured PCMU (length {@link #capturedLength()}), or null if this call was not sampled. */
  public byte[] captured() {
    return capture;
  }

  public int capturedLength() {
    return captureLength;
  }
}
