package dev.parley.sip.jainsip;

import java.util.Set;

/** Which methods we implement, and which we know but refuse (RFC 3261 §8.2.1: 405 vs 501). */
final class Methods {
  private Methods() {}

  /** The value of our Allow headers. */
  static final String ALLOW = "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO";

  /** What we accept in bodies (INVITE and ACK carry SDP). */
  static final String ACCEPT = "application/sdp";

  /** Methods registered with IANA that we understand but do not implement: 405 with Allow. */
  private static final Set<String> KNOWN =
      Set.of("REGISTER", "SUBSCRIBE", "NOTIFY", "REFER", "MESSAGE", "UPDATE", "PRACK", "PUBLISH");

  static boolean isKnownButUnsupported(String method) {
    return KNOWN.contains(method);
  }
}
