package dev.parley.server.call;

import dev.parley.media.srtp.SrtpKeyPair;
import dev.parley.media.srtp.SrtpKeys;
import dev.parley.media.srtp.SrtpSuite;
import dev.parley.server.config.SrtpMode;
import dev.parley.sip.sdp.NegotiatedSrtp;
import dev.parley.sip.sdp.SrtpPolicy;
import java.util.Locale;

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

  /**
   * The SRTP of a call Parley places into {@code room}: the room profile's policy, unless the dial string
   * asks ({@code {srtp=...}}). A dial string may ask for more than the room, or drop the best-effort key
   * of an {@code optional} room for a peer that refuses it, but never take a call into a {@code required}
   * room in the clear: that is the silent fallback the policy exists to prevent.
   *
   * @param asked the dial string's {@code srtp}, or null
   * @throws IllegalArgumentException when {@code asked} is weaker than a required room
   */
  static SrtpMode forPlacedCall(String room, SrtpMode roomPolicy, SrtpMode asked) {
    if (asked == null) return roomPolicy;
    if (roomPolicy == SrtpMode.REQUIRED && asked != SrtpMode.REQUIRED) {
      throw new IllegalArgumentException("room " + room + " requires SRTP; srtp=" + asked.name().toLowerCase(Locale.ROOT)
          + " cannot place a call into it");
    }
    return asked;
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
