package dev.parley.sip.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A SIP message as text, split just enough for assertions: first line, headers (names
 * case-insensitive, long forms only), body. Deliberately not JAIN-SIP: tests must not trust the
 * stack under test to read its own output.
 */
public record SipText(String firstLine, Map<String, List<String>> headers, String body, String raw) {

  public static SipText parse(String raw) {
    int split = raw.indexOf("\r\n\r\n");
    String head = split < 0 ? raw : raw.substring(0, split);
    String body = split < 0 ? "" : raw.substring(split + 4);
    String[] lines = head.split("\r\n");
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon < 0) continue;
      String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
      headers.computeIfAbsent(name, k -> new ArrayList<>()).add(lines[i].substring(colon + 1).trim());
    }
    return new SipText(lines[0], headers, body, raw);
  }

  public boolean isResponse() {
    return firstLine.startsWith("SIP/2.0 ");
  }

  /** The status code of a response; -1 for a request. */
  public int status() {
    return isResponse() ? Integer.parseInt(firstLine.substring(8, 11)) : -1;
  }

  /** The method of a request. */
  public String method() {
    return isResponse() ? null : firstLine.substring(0, firstLine.indexOf(' '));
  }

  /** The Request-URI of a request. */
  public String requestUri() {
    return firstLine.split(" ")[1];
  }

  /** The first value of a header, or null. */
  public String header(String name) {
    List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
    return v == null ? null : v.getFirst();
  }

  public List<String> all(String name) {
    return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
  }

  public String callId() {
    return header("Call-ID");
  }

  /** The method named in CSeq. */
  public String cseqMethod() {
    String cseq = header("CSeq");
    return cseq == null ? null : cseq.substring(cseq.indexOf(' ') + 1).trim();
  }

  /** The tag parameter of the To header, or null. */
  public String toTag() {
    return param(header("To"), "tag");
  }

  /** The URI inside the Contact header's angle brackets (or the whole value). */
  public String contactUri() {
    String c = header("Contact");
    if (c == null) return null;
    int lt = c.indexOf('<');
    return lt < 0 ? c.split(";")[0] : c.substring(lt + 1, c.indexOf('>'));
  }

  public static String param(String headerValue, String name) {
    if (headerValue == null) return null;
    for (String part : headerValue.split(";")) {
      String p = part.trim();
      if (p.toLowerCase(Locale.ROOT).startsWith(name + "=")) return p.substring(name.length() + 1);
    }
    return null;
  }

  @Override
  public String toString() {
    return raw;
  }
}
