package dev.parley.server.call;

import java.util.Locale;

/**
 * Digits sent as SIP INFO bodies: {@code application/dtmf-relay} ({@code Signal=5} and
 * {@code Duration=160} lines, as Cisco and linphone send them) and {@code application/dtmf} (the
 * digit alone). Untrusted input: anything else is no digit, never an exception.
 */
final class DtmfInfo {
  record Digit(char digit, int durationMillis) {}

  /** The duration when the body gives none: a typical key press. */
  static final int DEFAULT_DURATION_MILLIS = 160;

  private DtmfInfo() {}

  static Digit parse(String contentType, String body) {
    if (contentType == null || body == null) return null;
    String type = contentType.toLowerCase(Locale.ROOT);
    int semi = type.indexOf(';');
    if (semi >= 0) type = type.substring(0, semi);
    type = type.strip();
    if (type.equals("application/dtmf")) {
      String b = body.strip();
      return b.length() == 1 ? digit(b.charAt(0), DEFAULT_DURATION_MILLIS) : null;
    }
    if (!type.equals("application/dtmf-relay")) return null;
    Character signal = null;
    int duration = DEFAULT_DURATION_MILLIS;
    for (String line : body.split("\r?\n")) {
      int eq = line.indexOf('=');
      if (eq < 0) continue;
      String key = line.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      String value = line.substring(eq + 1).strip();
      if (key.equals("signal") && value.length() == 1) signal = value.charAt(0);
      if (key.equals("signal") && value.equals("10")) signal = '*'; // some gateways send event numbers
      if (key.equals("signal") && value.equals("11")) signal = '#';
      if (key.equals("duration") && value.matches("\\d{1,6}")) duration = Integer.parseInt(value);
    }
    return signal == null ? null : digit(signal, duration);
  }

  private static Digit digit(char c, int durationMillis) {
    char d = Character.toUpperCase(c);
    boolean valid = (d >= '0' && d <= '9') || d == '*' || d == '#' || (d >= 'A' && d <= 'D');
    return valid ? new Digit(d, durationMillis) : null;
  }
}
