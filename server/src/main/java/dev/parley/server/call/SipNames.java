package dev.parley.server.call;

/** Display names out of SIP name-addr headers, for billing records. */
final class SipNames {
  private SipNames() {}

  /**
   * The display name of a From or To header value: {@code "Alice" <sip:a@x>;tag=1} gives {@code Alice},
   * {@code Bob <sip:b@x>} gives {@code Bob}; empty when there is none (or no header).
   */
  static String displayName(String header) {
    if (header == null) return "";
    String h = header.strip();
    if (h.startsWith("\"")) {
      int end = h.indexOf('"', 1);
      return end < 0 ? "" : h.substring(1, end).replace("\\\"", "\"");
    }
    int lt = h.indexOf('<');
    return lt <= 0 ? "" : h.substring(0, lt).strip();
  }
}
