package dev.parley.server.api;

import dev.parley.media.rtcp.RtcpStats;

/**
 * A member's RTCP figures (RFC 3550) as the API shows them: what we measured of the member's stream
 * ({@code jitterMillis}, {@code lostPackets}, {@code fractionLost}), what the member reports of ours
 * ({@code remote...}), the round trip from its report blocks and an E-model MOS estimate. A figure that
 * needs a report not yet received is null rather than a made-up 0.
 */
record RtcpView(long reportsReceived, long reportsSent, Double roundTripMillis, double jitterMillis,
    long lostPackets, double fractionLost, Double remoteJitterMillis, Long remoteLostPackets,
    Double remoteFractionLost, Double mos, String remoteCname) {

  static RtcpView of(RtcpStats s) {
    return new RtcpView(s.reportsReceived(), s.reportsSent(), known(round(s.roundTripMillis())),
        round(s.jitterMillis()), s.cumulativeLost(), round3(s.fractionLost()), known(round(s.remoteJitterMillis())),
        s.remoteCumulativeLost() < 0 ? null : s.remoteCumulativeLost(), known(round3(s.remoteFractionLost())),
        known(Math.round(s.mos() * 100) / 100.0), s.remoteCname());
  }

  private static Double known(double v) {
    return v < 0 ? null : v;
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  private static double round3(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
