package dev.parley.media.rtcp;

/**
 * What we received from one source, as a report block states it (RFC 3550 §6.4.1): sequence
 * bookkeeping of Appendix A.1, loss of A.3 and interarrival jitter of A.8, plus the LSR/DLSR echo of
 * the source's last SR. Media thread only; no allocation.
 */
public final class ReceptionStatistics {
  private static final int RTP_SEQ_MOD = 1 << 16;
  private static final int MAX_DROPOUT = 3000;
  private static final int MAX_MISORDER = 100;
  /** A.1: packets in sequence before a new source counts as valid. */
  private static final int MIN_SEQUENTIAL = 2;

  private int clockRateHz = 8000;
  private long ssrc;
  private boolean started;
  private int maxSeq;
  private long cycles;
  private long baseSeq;
  private long badSeq;
  private int probation;
  private long received;
  private long expectedPrior;
  private long receivedPrior;
  /** Jitter scaled by 16, in timestamp units (A.8's integer form). */
  private long jitterQ4;
  private long lastTransit;
  private boolean haveTransit;
  private long lastSrMiddle;
  private long lastSrArrivalNanos;

  /** The stream's RTP clock; changing it (a new codec) restarts the jitter estimate. */
  public void clockRate(int hz) {
    if (hz != clockRateHz) {
      clockRateHz = hz;
      haveTransit = false;
    }
  }

  /** One RTP packet of the source's audio, as it arrived. */
  public void onPacket(long packetSsrc, int seq, long timestamp, long arrivalNanos) {
    if (!started || packetSsrc != ssrc) {
      ssrc = packetSsrc;
      init(seq);
      maxSeq = (seq - 1) & 0xffff;
      probation = MIN_SEQUENTIAL;
      started = true;
    }
    if (!updateSeq(seq)) return;
    // A.8: transit = arrival (in timestamp units) - RTP timestamp; its offset cancels in the difference.
    long arrival = Math.floorDiv(arrivalNanos, 1000L) * clockRateHz / 1_000_000L;
    long transit = arrival - timestamp;
    if (haveTransit) {
      long d = Math.abs(transit - lastTransit);
      // Timestamps wrap at 2^32: fold a difference across the wrap back to its true size.
      if (d > 0x80000000L) d = 0x100000000L - d;
      jitterQ4 += d - ((jitterQ4 + 8) >> 4);
    }
    lastTransit = transit;
    haveTransit = true;
  }

  private void init(int seq) {
    baseSeq = seq;
    maxSeq = seq;
    badSeq = RTP_SEQ_MOD + 1;
    cycles = 0;
    received = 0;
    receivedPrior = 0;
    expectedPrior = 0;
    haveTransit = false;
  }

  /** RFC 3550 A.1 {@code update_seq}: false for a packet that does not count (yet). */
  private boolean updateSeq(int seq) {
    int udelta = (seq - maxSeq) & 0xffff;
    if (probation > 0) {
      // A new source is valid after MIN_SEQUENTIAL packets in sequence.
      if (seq == ((maxSeq + 1) & 0xffff)) {
        probation--;
        maxSeq = seq;
        if (probation == 0) {
          init(seq);
          received++;
          return true;
        }
      } else {
        probation = MIN_SEQUENTIAL - 1;
        maxSeq = seq;
      }
      return false;
    } else if (udelta < MAX_DROPOUT) {
      if (seq < maxSeq) cycles += RTP_SEQ_MOD; // wrapped
      maxSeq = seq;
    } else if (udelta <= RTP_SEQ_MOD - MAX_MISORDER) {
      if (seq == badSeq) {
        init(seq); // two sequential packets after a big jump: the source restarted its numbering
      } else {
        badSeq = (seq + 1) & 0xffff;
        return false;
      }
    }
    // else a duplicate or reordered packet: counted, maxSeq unchanged
    received++;
    return true;
  }

  /** A source's SR arrived: remember its NTP time for the LSR/DLSR of our next block (§6.4.1). */
  public void onSenderReport(long ntp, long arrivalNanos) {
    lastSrMiddle = NtpTime.middle(ntp);
    lastSrArrivalNanos = arrivalNanos;
  }

  public boolean hasData() {
    return started && received > 0;
  }

  public long ssrc() {
    return ssrc;
  }

  public long extendedHighest() {
    return cycles + maxSeq;
  }

  public long expected() {
    return extendedHighest() - baseSeq + 1;
  }

  /** A.3: expected minus received, clamped to the 24-bit signed field. */
  public int cumulativeLost() {
    long lost = expected() - received;
    return (int) Math.max(-0x800000, Math.min(0x7fffff, lost));
  }

  public long received() {
    return received;
  }

  /** Interarrival jitter in timestamp units. */
  public long jitterUnits() {
    return jitterQ4 >> 4;
  }

  public double jitterMillis() {
    return (jitterQ4 / 16.0) * 1000.0 / clockRateHz;
  }

  public int clockRateHz() {
    return clockRateHz;
  }

  /**
   * Fills a report block about this source and starts the next interval (the fraction lost is since
   * the previous call, A.3).
   */
  public void fill(RtcpWriter.Block b, long nowNanos) {
    long expected = expected();
    long expectedInterval = expected - expectedPrior;
    expectedPrior = expected;
    long receivedInterval = received - receivedPrior;
    receivedPrior = received;
    long lostInterval = expectedInterval - receivedInterval;
    b.ssrc = ssrc;
    b.fractionLost = expectedInterval == 0 || lostInterval <= 0 ? 0 : (int) ((lostInterval << 8) / expectedInterval);
    b.cumulativeLost = cumulativeLost();
    b.extendedHighest = extendedHighest() & 0xffffffffL;
    b.jitter = jitterUnits() & 0xffffffffL;
    if (lastSrArrivalNanos == 0 && lastSrMiddle == 0) {
      b.lastSr = 0;
      b.delaySinceLastSr = 0;
    } else {
      b.lastSr = lastSrMiddle;
      b.delaySinceLastSr = ((nowNanos - lastSrArrivalNanos) << 16) / 1_000_000_000L & 0xffffffffL;
    }
  }

  /** Forgets the source (a new stream or codec on re-INVITE keeps counting; this is for tests and moves). */
  public void reset() {
    started = false;
    received = 0;
    jitterQ4 = 0;
    haveTransit = false;
    lastSrMiddle = 0;
    lastSrArrivalNanos = 0;
  }
}
