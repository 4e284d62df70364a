package dev.parley.media.jitter;

import dev.parley.media.rtp.RtpSeq;
import java.util.Objects;

/**
 * An adaptive jitter buffer for one member's incoming stream. It stores <em>decoded</em> 16-bit PCM
 * indexed by RTP timestamp, so the packet ptime (10, 20, 30 ms...) and the mixer's read size need not
 * match: a read takes exactly the samples it asks for, from wherever they came.
 *
 * <p><b>Playout.</b> After the first packet nothing is played until the target delay plus one read is
 * buffered. From then on each {@link #read} plays the next samples after the playout point. Samples
 * that are missing while later audio is present are concealed (simple PLC: the last 20 ms
 * replayed with a fading gain for up to 80 ms, then silence) and the playout point moves on; if
 * nothing at all is buffered the point is held instead, so a stalled stream resumes where it stopped.
 *
 * <p><b>Adaptation.</b> The target delay is one packet plus three times the RFC 3550 §6.4.1 jitter,
 * within the configured min and max. The delay measured against it is how far ahead of its turn
 * a packet arrives, averaged over recent packets (see {@link JitterStats#currentDelayMs()}). The buffer grows by holding the playout
 * point for one read (a concealed frame) when that average is low or a recent packet came with no
 * margin; it shrinks only while the least margin of the last second or so is well above target (see
 * {@link PlayoutDelay} for why: a stream locked to our clock made the average oscillate), by cutting at most an eighth of a read (half,
 * when the audio is quiet, or the delay is above the maximum) where the audio is quietest, with a
 * cross-fade, so changes are gradual.
 *
 * <p><b>Arrivals.</b> Packets out of order are put in place; duplicates are counted and ignored;
 * packets wholly before the playout point are counted late and dropped. Sequence numbers and
 * timestamps wrap around. A new SSRC, a timestamp beyond the capacity, a newer packet whose audio
 * lies before the playout point (the timestamps went back), or a second of nothing but late packets
 * (the sender restarted both) restarts the buffer ({@code resyncs}); packets of the previous SSRC
 * that arrive within the capacity's duration after a change are dropped as late, so stragglers do not
 * switch back. A stream that resumes after a pause while the buffer is empty restarts quietly at the
 * target delay instead of playing the pause out.
 *
 * <p><b>Threads and memory.</b> One per member, used by a single media thread; not thread-safe except
 * that {@link #stats()} may be read anywhere. Allocates only in the constructor (about 6 bytes per
 * sample of capacity: some 50 KB at the defaults): {@code put} and {@code read} allocate nothing, log
 * nothing and copy the caller's arrays rather than keeping them.
 */
public final class JitterBuffer {
  /** What a {@link #read} produced. */
  public enum Playout {
    /** Every sample is received audio (a few may have been cut out to shrink the delay). */
    AUDIO,
    /** Some or all samples are concealment, or the buffer inserted a frame to grow. */
    CONCEALED,
    /** All samples are zero: nothing to play and nothing left to conceal with. */
    SILENCE
  }

  private enum State {
    /** Nothing received since construction or {@link #reset()}. */
    EMPTY,
    /** Collecting the target delay before (re)starting playout. */
    BUFFERING,
    PLAYING
  }

  private static final long MASK_32 = 0xFFFFFFFFL;
  /** Concealment fades out over this long, then it is silence. */
  private static final int CONCEAL_MS = 80;
  /** The length of real audio that concealment repeats: about one frame. */
  private static final int HISTORY_MS = 20;
  /** Reads between two grow steps, so the concealed frames of growing never come back to back. */
  private static final int GROW_SPACING_READS = 3;
  /** Shrink by at most 1/8 of a read of speech, a speed-up listeners do not notice as pitch. */
  private static final int LOUD_SHRINK_DIVISOR = 8;
  /** Mean absolute amplitude under which a block counts as quiet (about -42 dBFS). */
  private static final int QUIET_LEVEL = 256;

  private final int clockRateHz;
  private final int capacity;
  private final int lateRestartSamples;
  private final SampleRing ring;
  private final Concealer concealer;
  private final PlayoutDelay delay;
  private final InterarrivalJitter jitter;
  private final SequenceTracker sequences = new SequenceTracker();
  private final JitterStats stats = new JitterStats();
  private final short[] scratch;

  private State state = State.EMPTY;
  private long ssrc;
  /** Extended timestamp of the next sample to play. */
  private long playTs;
  /** Extended timestamp of the newest packet's first sample: the reference for unwrapping. */
  private long newestStart;
  /** Extended timestamp just past the newest audio received. */
  private long newestEnd;
  private int lastPacketSamples;
  private int readsSinceGrow;
  private long lateRunSamples;
  /** The SSRC before the last change, whose stragglers are dropped for a while; -1 if none. */
  private long previousSsrc = -1;
  private long ssrcChangedNanos;
  private final long ssrcGraceNanos;

  public JitterBuffer(JitterBufferConfig config) {
    this.clockRateHz = config.clockRateHz();
    this.capacity = config.samples(config.capacityMs());
    // A second of late audio in a row, with nothing in time between, means the timeline moved back.
    this.lateRestartSamples = Math.min(capacity, clockRateHz);
    // Packets of the old source can be in flight for as long as the buffer holds audio.
    this.ssrcGraceNanos = config.capacityMs() * 1_000_000L;
    this.ring = new SampleRing(capacity);
    this.concealer = new Concealer(config.samples(HISTORY_MS), config.samples(CONCEAL_MS));
    this.delay = new PlayoutDelay(config.samples(config.minDelayMs()), config.samples(config.maxDelayMs()));
    this.jitter = new InterarrivalJitter(clockRateHz);
    // A read of up to the capacity, plus the half read that shrinking may cut from it.
    this.scratch = new short[capacity + capacity / 2];
  }

  /**
   * Stores the decoded samples of one RTP packet; {@code pcm} is copied, not kept.
   *
   * @param ssrc from the RTP header, taken modulo 2^32
   * @param sequence from the RTP header, taken modulo 2^16
   * @param timestamp from the RTP header, taken modulo 2^32, in units of the clock rate
   * @param count samples; a packet of none, or of more than the capacity, is counted and ignored
   * @param arrivalNanos when the packet arrived, on the {@link System#nanoTime()} scale
   */
  public void put(long ssrc, int sequence, long timestamp, short[] pcm, int offset, int count, long arrivalNanos) {
    stats.received++;
    if (count <= 0 || count > capacity) return;
    Objects.checkFromIndexSize(offset, count, pcm.length);
    ssrc &= MASK_32;
    sequence &= 0xFFFF;
    timestamp &= MASK_32;
    if (state == State.EMPTY) {
      start(ssrc, sequence, timestamp, pcm, offset, count, arrivalNanos);
      return;
    }
    if (ssrc != this.ssrc) {
      if (ssrc == previousSsrc && arrivalNanos - ssrcChangedNanos < ssrcGraceNanos) {
        // In flight when the source changed: late, not a switch back that would drop the new stream.
        stats.late++;
        return;
      }
      previousSsrc = this.ssrc;
      ssrcChangedNanos = arrivalNanos;
      resync(ssrc, sequence, timestamp, pcm, offset, count, arrivalNanos);
      return;
    }
    if (sequences.isDuplicate(sequence, timestamp)) {
      stats.duplicates++;
      return;
    }
    long ts = newestStart + RtpSeq.tsDiff(timestamp, newestStart);
    long end = ts + count;
    // Sequence numbers tell a timeline that jumped (newer packet, unexpected timestamp) from a
    // straggler (older packet): only the former restarts the buffer.
    boolean newer = RtpSeq.diff(sequence, sequences.highest()) > 0;
    if (state == State.PLAYING && newer && newestEnd <= playTs && ts > playTs) {
      // The buffer ran dry and the stream resumes after a gap (a pause, or a loss while empty): start
      // again at the target delay rather than play the whole gap out as silence. What was measured
      // before the pause says nothing about this talk spurt.
      playTs = Math.max(playTs, ts - target());
      delay.start(ts - playTs);
    }
    if (ts < playTs) {
      if (newer) {
        // Newer by sequence yet older than what was played: the timestamps went back.
        resync(ssrc, sequence, timestamp, pcm, offset, count, arrivalNanos);
        return;
      }
      if (state == State.BUFFERING && newestEnd - ts <= capacity) {
        playTs = ts; // an earlier packet overtaken before playout started: start from it
      } else if (end <= playTs) {
        late(ssrc, sequence, timestamp, ts, pcm, offset, count, arrivalNanos);
        return;
      }
    }
    if (end - playTs > capacity) {
      if (newer) {
        resync(ssrc, sequence, timestamp, pcm, offset, count, arrivalNanos); // the timestamps jumped ahead
      } else {
        late(ssrc, sequence, timestamp, ts, pcm, offset, count, arrivalNanos); // from before a jump back
      }
      return;
    }
    store(sequence, timestamp, ts, pcm, offset, count, arrivalNanos);
  }

  private void late(
      long ssrc, int sequence, long timestamp, long ts, short[] pcm, int offset, int count, long arrivalNanos) {
    lateRunSamples += count;
    if (lateRunSamples > lateRestartSamples) {
      // Only late audio for a long while: a sender that restarted its timeline, not a straggler.
      resync(ssrc, sequence, timestamp, pcm, offset, count, arrivalNanos);
      return;
    }
    stats.late++;
    sequences.accept(sequence, timestamp, false);
    // A straggler from another timeline (before a jump) would read as seconds of jitter.
    if (Math.abs(ts - playTs) <= capacity) jitter.update(ts, arrivalNanos);
    // Clamped to "a packet too late": one straggler from long ago must not weigh like a hundred.
    if (state == State.PLAYING) delay.observe(Math.max(ts - playTs, -count));
    updateStats();
  }

  private void resync(long ssrc, int sequence, long timestamp, short[] pcm, int offset, int count, long arrivalNanos) {
    stats.resyncs++;
    start(ssrc, sequence, timestamp, pcm, offset, count, arrivalNanos);
  }

  /** Starts a new timeline with this packet; concealment may still bridge from the old one. */
  private void start(long ssrc, int sequence, long timestamp, short[] pcm, int offset, int count, long arrivalNanos) {
    this.ssrc = ssrc;
    state = State.BUFFERING;
    ring.clear();
    sequences.start(sequence);
    jitter.restart();
    playTs = timestamp;
    newestStart = timestamp;
    newestEnd = timestamp;
    readsSinceGrow = 0;
    lateRunSamples = 0;
    store(sequence, timestamp, timestamp, pcm, offset, count, arrivalNanos);
  }

  private void store(int sequence, long timestamp, long ts, short[] pcm, int offset, int count, long arrivalNanos) {
    long from = Math.max(ts, playTs); // the part before the playout point was already concealed
    long end = ts + count;
    ring.put(from, pcm, offset + (int) (from - ts), (int) (end - from));
    if (end > newestEnd) newestEnd = end;
    if (ts > newestStart) newestStart = ts;
    lastPacketSamples = count;
    lateRunSamples = 0;
    if (sequences.accept(sequence, timestamp, true) < 0) stats.reordered++;
    jitter.update(ts, arrivalNanos);
    if (state == State.PLAYING) delay.observe(ts - playTs);
    updateStats();
  }

  /**
   * Fills {@code out[offset, offset+count)} with the next {@code count} samples of playout; called once
   * per mixer tick. Always writes all {@code count} samples (zeros for silence).
   *
   * @param count at most the capacity
   */
  public Playout read(short[] out, int offset, int count) {
    Objects.checkFromIndexSize(offset, count, out.length);
    if (count > capacity) throw new IllegalArgumentException("read larger than the capacity: " + count);
    if (count == 0) return Playout.SILENCE;
    Playout result;
    if (state == State.PLAYING) {
      result = playing(out, offset, count);
    } else if (state == State.BUFFERING && newestEnd - playTs >= Math.min(target() + count, capacity)) {
      state = State.PLAYING;
      // The newest packet's end is where the next one should start: its expected margin.
      delay.start(newestEnd - playTs - count);
      result = play(out, offset, count, 0);
    } else {
      result = fillGap(out, offset, count);
    }
    updateStats();
    return result;
  }

  private Playout playing(short[] out, int offset, int count) {
    if (newestEnd <= playTs) {
      // Nothing buffered at all: hold the playout point so the stream resumes where it stopped.
      delay.shift(count);
      return fillGap(out, offset, count);
    }
    int target = target();
    if (++readsSinceGrow > GROW_SPACING_READS && delay.shouldGrow(target, count)) {
      readsSinceGrow = 0;
      delay.shift(count);
      return fillGap(out, offset, count);
    }
    return play(out, offset, count, Math.min(delay.excess(target, count), count / 2));
  }

  /** Plays from the playout point, cutting up to {@code maxSkip} samples if the audio is all there. */
  private Playout play(short[] out, int offset, int count, int maxSkip) {
    if (maxSkip > 0 && ring.copyIfComplete(playTs, count + maxSkip, scratch)) {
      int skip = delay.aboveMax() || quiet(scratch, count + maxSkip)
          ? maxSkip
          : Math.min(maxSkip, Math.max(1, count / LOUD_SHRINK_DIVISOR));
      TimeCompressor.compress(scratch, count + skip, skip, out, offset);
      ring.remove(playTs, count + skip);
      concealer.played(out, offset, count);
      playTs += count + skip;
      delay.shift(-skip);
      stats.shortenedReads++;
      return Playout.AUDIO;
    }
    if (ring.takeIfComplete(playTs, count, out, offset)) {
      // The common case, every sample there: copied in bulk rather than tested one by one.
      concealer.played(out, offset, count);
      playTs += count;
      return Playout.AUDIO;
    }
    int real = 0;
    int concealed = 0;
    for (int i = 0; i < count; i++) {
      long t = playTs + i;
      if (ring.has(t)) {
        short s = ring.take(t);
        out[offset + i] = s;
        concealer.played(s);
        real++;
      } else {
        if (concealer.active()) concealed++;
        out[offset + i] = concealer.next();
      }
    }
    playTs += count;
    if (real == count) return Playout.AUDIO;
    if (real == 0 && concealed == 0) return Playout.SILENCE;
    stats.concealedFrames++;
    return Playout.CONCEALED;
  }

  /** Nothing to play: concealment while it lasts, then silence. The playout point is not moved. */
  private Playout fillGap(short[] out, int offset, int count) {
    boolean concealed = false;
    for (int i = 0; i < count; i++) {
      if (concealer.active()) concealed = true;
      out[offset + i] = concealer.next();
    }
    if (!concealed) return Playout.SILENCE;
    stats.concealedFrames++;
    return Playout.CONCEALED;
  }

  private static boolean quiet(short[] samples, int count) {
    long sum = 0;
    for (int i = 0; i < count; i++) sum += Math.abs(samples[i]);
    return sum < (long) QUIET_LEVEL * count;
  }

  private int target() {
    return delay.target(lastPacketSamples, jitter.units());
  }

  private void updateStats() {
    stats.lostPackets = sequences.lost();
    stats.jitterMs = jitter.units() * 1000.0 / clockRateHz;
    stats.currentDelayMs = state == State.PLAYING ? (int) Math.round(Math.max(0, delay.samples()) * 1000 / clockRateHz) : 0;
  }

  /** Live counters; see {@link JitterStats} for what a reader on another thread may rely on. */
  public JitterStats stats() {
    return stats;
  }

  /**
   * Drops everything buffered and forgets the stream, as after construction; the next packet starts
   * playout afresh. The counters in {@link #stats()} are kept.
   */
  public void reset() {
    state = State.EMPTY;
    previousSsrc = -1;
    ring.clear();
    concealer.clear();
    jitter.clear();
    lastPacketSamples = 0;
    updateStats();
  }
}
