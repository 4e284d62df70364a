package dev.parley.media.rtcp;

/**
 * One member's RTCP figures, written by its media thread after each report sent or received and read
 * by any thread (API, metrics): the values may be a report old. Before any data a figure reads -1 where
 * 0 would be a claim (round-trip time, MOS, the peer's view).
 */
public final class RtcpStats {
  volatile long reportsReceived;
  volatile long reportsSent;
  volatile long badReports;
  volatile double roundTripMillis = -1;
  volatile double jitterMillis;
  volatile long cumulativeLost;
  volatile double fractionLost;
  volatile double remoteJitterMillis = -1;
  volatile long remoteCumulativeLost = -1;
  volatile double remoteFractionLost = -1;
  volatile double mos = -1;
  volatile String remoteCname;
  volatile boolean byeReceived;

  /** Compound RTCP packets received from the member and parsed. */
  public long reportsReceived() {
    return reportsReceived;
  }

  /** Compound packets we sent (SR or RR, SDES, maybe BYE). */
  public long reportsSent() {
    return reportsSent;
  }

  /** Datagrams on the RTCP port that were not valid compound RTCP. */
  public long badReports() {
    return badReports;
  }

  /** From the member's last report block about our stream (RFC 3550 §6.4.1 A - LSR - DLSR); -1 until one. */
  public double roundTripMillis() {
    return roundTripMillis;
  }

  /** Interarrival jitter of the member's stream as we received it (RFC 3550 A.8), in ms. */
  public double jitterMillis() {
    return jitterMillis;
  }

  /** Packets of the member's stream that never arrived (RFC 3550 A.3), as in our report blocks. */
  public long cumulativeLost() {
    return cumulativeLost;
  }

  /** The fraction of the member's packets lost in our last report interval, 0..1. */
  public double fractionLost() {
    return fractionLost;
  }

  /** Jitter of our stream as the member reports it, in ms; -1 before its first report block. */
  public double remoteJitterMillis() {
    return remoteJitterMillis;
  }

  /** Our packets the member reports lost; -1 before its first report block. */
  public long remoteCumulativeLost() {
    return remoteCumulativeLost;
  }

  /** The member's fraction lost of our stream in its last interval, 0..1; -1 before a report. */
  public double remoteFractionLost() {
    return remoteFractionLost;
  }

  /** {@link MosEstimate} of the call as the member hears it, 1..4.5; -1 before the first report. */
  public double mos() {
    return mos;
  }

  /** The member's SDES CNAME, or null before one arrived. */
  public String remoteCname() {
    return remoteCname;
  }

  public boolean byeReceived() {
    return byeReceived;
  }
}
