package dev.parley.sip.sdp;

/** Small facts about the addresses in {@code c=} and {@code o=} lines. */
final class Addresses {
  private Addresses() {}

  /** {@code IP6} for an address with a colon, else {@code IP4} (FQDNs included). */
  static String type(String address) {
    return address.indexOf(':') >= 0 ? "IP6" : "IP4";
  }

  /**
   * The RFC 2543 way to put a stream on hold: a connection address of all zeros (RFC 3264 §8.4 says
   * to still understand it). Nothing may be sent to such an address.
   */
  static boolean isHoldAddress(String address) {
    return "0.0.0.0".equals(address) || "::".equals(address);
  }
}
