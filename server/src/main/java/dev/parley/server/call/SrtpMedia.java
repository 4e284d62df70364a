package dev.parley.server.call;

import dev.parley.media.srtp.SrtpKeyPair;
import dev.parley.media.srtp.SrtpKeys;
import dev.parley.media.srtp.SrtpSuite;
import dev.parley.server.config.SrtpMode;
import dev.parley.sip.sdp.NegotiatedSrtp;
import dev.parley.sip.sdp.SrtpPolicy;

/** Carries SRTP between the three layers that cannot see each other: config, SDP and media. */
final class SrtpMedia {
  private SrtpMedia() {}

  static SrtpPolicy policy(SrtpMode mode) {
    return switch (mode) {
      case REQUIRED -> SrtpPolicy.REQUIRED;
      case OPTIONAL -> SrtpPolicy.OPTIONAL;
      case OFF -> SrtpPolicy.OFF;
    };
  }

  /** The media engine's keys for what SDES agreed, or null for plain RTP. */
  static SrtpKeyPair keys(NegotiatedSrtp n) {
    if (n == null) return null;
    SrtpSuite suite = SrtpSuite.byName(n.suite());
    if (suite == null) throw new IllegalArgumentException("SDP agreed a suite the media engine lacks: " + n.suite());
    return new SrtpKeyPair(
        SrtpKeys.fromConcatenated(suite, n.ourKeyAndSalt()), SrtpKeys.fromConcatenated(suite, n.theirKeyAndSalt()));
  }
}
