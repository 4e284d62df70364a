package dev.parley.media.rtcp;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The RTCP side of one member's stream (RFC 3550 §6): counts what we send, keeps the reception
 * statistics of what we receive, reads the member's reports and builds ours (an SR while we send
 * media, an RR otherwise, always with SDES CNAME; a BYE when the member leaves) on the RFC schedule.
 *
 * <p>Interval: one session per member with two participants, so the RFC's bandwidth rule always gives
 * the 5 s minimum (§6.2); each interval is drawn uniformly from [0.5, 1.5] times it (§6.3.1) so reports
 * of many members do not synchronise, and the first comes after half the minimum (§6.2, "initial").
 *
 * <p>Media thread only; results are published to {@link #stats()}. Nothing allocated per packet: the
 * compound is written into one array owned here, and the peer's CNAME is made a String once.
 */
public final class RtcpSession {
  public static final long MIN_INTERVAL_NANOS = 5_000_000_000L;
  static final int MAX_COMPOUND_BYTES = 256;

  private final long ssrc;
  private final byte[] cname;
  private final NtpTime ntp;
  private final ReceptionStatistics received = new ReceptionStatistics();
  private final RtcpWriter.Block block = new RtcpWriter.Block();
  private final RtcpStats stats = new RtcpStats();
  private final byte[] out = new byte[MAX_COMPOUND_BYTES];
  private long nextReportNanos;
  private long packetsSent;
  private long octetsSent;
  private long lastRtpTimestamp;
  private long lastSendNanos;
  private int sendClockRateHz = 8000;
  private String encodingName = "PCMU";

  /**
   * @param ssrc our SSRC towards the member (the one our RTP carries)
   * @param cname our canonical name, e.g. {@code parley@127.0.0.1}
   */
  public RtcpSession(long ssrc, String cname, NtpTime ntp, long nowNanos) {
    this.ssrc = ssrc;
    this.cname = cname.getBytes(StandardCharsets.US_ASCII);
    this.ntp = ntp;
    this.nextReportNanos = nowNanos + randomised(MIN_INTERVAL_NANOS / 2);
  }

  public RtcpStats stats() {
    return stats;
  }

  /** The negotiated codec: its RTP clock (both directions use it) and name (for the MOS's Ie and Bpl). */
  public void codec(String name, int clockRateHz) {
    encodingName = name;
    sendClockRateHz = clockRateHz;
    received.clockRate(clockRateHz);
  }

  /** An RTP packet we sent: {@code payloadBytes} of payload stamped {@code rtpTimestamp}. */
  public void onSent(int payloadBytes, long rtpTimestamp, long nowNanos) {
    packetsSent++;
    octetsSent += payloadBytes;
    lastRtpTimestamp = rtpTimestamp;
    lastSendNanos = nowNanos;
  }

  /** An RFC 4733 event packet we sent: counted in the SR, but its timestamp is not the audio clock's now. */
  public void onSentEvent(int payloadBytes) {
    packetsSent++;
    octetsSent += payloadBytes;
  }

  /** An audio RTP packet from the member, accepted by the receive path. */
  public void onReceived(long packetSsrc, int sequence, long timestamp, long arrivalNanos) {
    received.onPacket(packetSsrc, sequence, timestamp, arrivalNanos);
  }

  /** A datagram that arrived on the RTCP port, parsed (or not) by {@code parser}. */
  public void onReport(RtcpParser parser, boolean valid, byte[] buf, long arrivalNanos, int playoutDelayMillis) {
    if (!valid) {
      stats.badReports++;
      return;
    }
    stats.reportsReceived++;
    if (parser.senderReport()) received.onSenderReport(parser.ntpTimestamp(), arrivalNanos);
    for (int i = 0; i < parser.blockCount(); i++) {
      if (parser.blockSsrc(i) != ssrc) continue;
      stats.remoteFractionLost = parser.fractionLost(i) / 256.0;
      stats.remoteCumulativeLost = parser.cumulativeLost(i);
      stats.remoteJitterMillis = parser.jitter(i) * 1000.0 / sendClockRateHz;
      double rtt = roundTripMillis(NtpTime.middle(ntp.at(arrivalNanos)), parser.lastSr(i), parser.delaySinceLastSr(i));
      if (rtt >= 0) stats.roundTripMillis = rtt;
    }
    if (parser.cnameLength() > 0 && stats.remoteCname == null) {
      stats.remoteCname = new String(buf, parser.cnameOffset(), parser.cnameLength(), StandardCharsets.US_ASCII);
    }
    if (parser.bye()) stats.byeReceived = true;
    updateMos(playoutDelayMillis);
  }

  /**
   * RFC 3550 §6.4.1: RTT = A - LSR - DLSR, all in 1/65536 s (the middle 32 bits of NTP time).
   *
   * @return milliseconds, or -1 when the block echoes no SR of ours (LSR 0) or the result is negative
   *     (a report from before a clock step, or garbage)
   */
  public static double roundTripMillis(long arrivalMiddle, long lastSr, long delaySinceLastSr) {
    if (lastSr == 0) return -1;
    long rtt = (arrivalMiddle - lastSr - delaySinceLastSr) & 0xffffffffL;
    if (rtt >= 0x80000000L) return -1;
    return rtt * 1000.0 / 65536.0;
  }

  private void updateMos(int playoutDelayMillis) {
    double rtt = stats.roundTripMillis;
    if (rtt < 0) return;
    // One-way mouth-to-ear: half the network round trip plus what our side adds (playout delay and a
    // 20 ms packet); the far end's own buffer is not known and not counted.
    double delay = rtt / 2 + Math.max(0, playoutDelayMillis) + 20;
    long expected = received.hasData() ? received.expected() : 0;
    double inbound = expected > 0 ? 100.0 * Math.max(0, received.cumulativeLost()) / expected : 0;
    double outbound = stats.remoteFractionLost >= 0 ? 100.0 * stats.remoteFractionLost : 0;
    stats.mos = MosEstimate.mos(delay, Math.max(inbound, outbound), encodingName);
  }

  /**
   * If a report is due, writes the compound into {@link #buffer()} and schedules the next one.
   *
   * @return the bytes to send, or 0 when none is due
   */
  public int poll(long nowNanos, boolean sending) {
    if (nowNanos - nextReportNanos < 0) return 0;
    nextReportNanos = nowNanos + randomised(MIN_INTERVAL_NANOS);
    return compound(nowNanos, sending, false);
  }

  /** The last compound, with a BYE (§6.6), written into {@link #buffer()}; returns its length. */
  public int goodbye(long nowNanos, boolean sending) {
    return compound(nowNanos, sending, true);
  }

  public byte[] buffer() {
    return out;
  }

  private int compound(long nowNanos, boolean sending, boolean bye) {
    RtcpWriter.Block b = null;
    if (received.hasData()) {
      received.fill(block, nowNanos);
      b = block;
      stats.cumulativeLost = Math.max(0, block.cumulativeLost);
      stats.fractionLost = block.fractionLost / 256.0;
    }
    stats.jitterMillis = received.jitterMillis();
    int n;
    if (sending && packetsSent > 0) {
      // §6.4.1: the RTP timestamp of the same instant as the NTP one, extrapolated from the last packet.
      long rtp = (lastRtpTimestamp + (nowNanos - lastSendNanos) * sendClockRateHz / 1_000_000_000L) & 0xffffffffL;
      n = RtcpWriter.report(out, 0, ssrc, ntp.at(nowNanos), rtp, packetsSent & 0xffffffffL, octetsSent & 0xffffffffL, b);
    } else {
      n = RtcpWriter.report(out, 0, ssrc, 0, 0, 0, 0, b);
    }
    n += RtcpWriter.sdesCname(out, n, ssrc, cname);
    if (bye) n += RtcpWriter.bye(out, n, ssrc);
    stats.reportsSent++;
    return n;
  }

  private static long randomised(long nanos) {
    return (long) (nanos * (0.5 + ThreadLocalRandom.current().nextDouble()));
  }

  public ReceptionStatistics reception() {
    return received;
  }
}
