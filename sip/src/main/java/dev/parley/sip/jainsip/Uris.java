package dev.parley.sip.jainsip;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.sip.address.SipURI;
import javax.sip.address.TelURL;
import javax.sip.address.URI;

/** The user part of SIP and tel URIs, as the application wants it. */
final class Uris {
  private Uris() {}

  /**
   * The user of a {@code sip:}/{@code sips:} URI or the number of a {@code tel:} URI, %-escapes
   * decoded (RFC 3261 §19.1.2, §19.1.4: {@code 3000%2A1} and {@code 3000*1} are the same user);
   * {@code null} if there is none.
   */
  static String user(URI uri) {
    if (uri instanceof SipURI sip) return unescape(sip.getUser());
    if (uri instanceof TelURL tel) return (tel.isGlobal() ? "+" : "") + tel.getPhoneNumber();
    return null;
  }

  /** Decodes %HH escapes as UTF-8; leaves malformed escapes as they are. */
  static String unescape(String s) {
    if (s == null || s.indexOf('%') < 0) return s;
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
        out.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
        i += 2;
      } else {
        byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int hex(char c) {
    return Character.digit(c, 16);
  }
}
