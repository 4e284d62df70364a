package dev.parley.loadgen.sip;

import java.util.Locale;

/**
 * The two things a UAC needs from a {@code name-addr} or {@code addr-spec} header value (RFC 3261
 * §20.10): the URI, and a header parameter such as {@code tag}.
 * {@code "Bob" <sip:bob@h;transport=udp>;tag=12} has URI {@code sip:bob@h;transport=udp} and tag 12;
 * in the bare form {@code sip:bob@h;tag=12} parameters after the URI belong to the header.
 */
final class NameAddr {

  private NameAddr() {}

  static String uri(String value) {
    String v = value.strip();
    int lt = v.indexOf('<');
    if (lt >= 0) {
      int gt = v.indexOf('>', lt);
      if (gt < 0) throw new IllegalArgumentException("unclosed '<' in " + value);
      return v.substring(lt + 1, gt).strip();
    }
    int semi = v.indexOf(';');
    return (semi < 0 ? v : v.substring(0, semi)).strip();
  }

  /** A header parameter ({@code ;name=value} after the URI), or null; a parameter without value gives "". */
  static String param(String value, String name) {
    int gt = value.lastIndexOf('>');
    String params = gt >= 0 ? value.substring(gt + 1) : (value.indexOf(';') < 0 ? "" : value.substring(value.indexOf(';')));
    for (String p : params.split(";")) {
      String s = p.strip();
      if (s.isEmpty()) continue;
      int eq = s.indexOf('=');
      String key = (eq < 0 ? s : s.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
      if (key.equals(name)) return eq < 0 ? "" : s.substring(eq + 1).strip();
    }
    return null;
  }
}
