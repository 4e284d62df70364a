package dev.parley.sip.sdp;

import java.util.Objects;

/**
 * The {@code o=} line (RFC 4566 §5.2). Session id and version are kept as text: peers send numbers
 * wider than a {@code long}, and all we ever do with theirs is compare them.
 */
public record Origin(
    String username, String sessionId, String sessionVersion, String netType, String addressType, String address) {
  public Origin {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(sessionVersion, "sessionVersion");
    Objects.requireNonNull(netType, "netType");
    Objects.requireNonNull(addressType, "addressType");
    Objects.requireNonNull(address, "address");
  }

  /** Our own origin: user {@code parley}, {@code IN IP4} or {@code IN IP6} after the address. */
  public static Origin of(long sessionId, long sessionVersion, String address) {
    return new Origin(
        "parley", Long.toString(sessionId), Long.toString(sessionVersion), "IN", Addresses.type(address), address);
  }
}
