package dev.parley.sip.jainsip;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks on a request's own text that the RI's parser is too lenient for, each one of the RFC 4475
 * invalid messages it lets through. A failure is a {@link ParseException}, which the stack answers
 * with 400 (see {@link TidyParserFactory}).
 */
final class RawRequestChecks {
  private RawRequestChecks() {}

  /** RFC 3261 §25.1: Request-Line = Method SP Request-URI SP SIP-Version CRLF, single spaces, nothing after. */
  private static final Pattern REQUEST_LINE = Pattern.compile("[^ \\t]+ [^ \\t]+ SIP/[^ \\t]+");

  /** Headers that occur once (RFC 3261 §7.3.1: only comma-list headers may repeat), compact forms too. */
  private static final Map<String, String> SINGLE = Map.ofEntries(
      Map.entry("call-id", "Call-ID"), Map.entry("i", "Call-ID"), Map.entry("to", "To"), Map.entry("t", "To"),
      Map.entry("from", "From"), Map.entry("f", "From"), Map.entry("cseq", "CSeq"),
      Map.entry("max-forwards", "Max-Forwards"), Map.entry("content-length", "Content-Length"),
      Map.entry("l", "Content-Length"));

  private static final Pattern HEAD_END = Pattern.compile("\r?\n\r?\n");

  private static final Set<String> ADDRESSES = Set.of("to", "t", "from", "f", "contact", "m");

  /** token (RFC 3261 §25.1) and the LWS between tokens of an unquoted display name. */
  private static final Pattern DISPLAY_NAME = Pattern.compile("[A-Za-z0-9\\-.!%*_+`'~ \\t]*");

  static void check(byte[] bytes) throws ParseException {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    int start = 0;
    while (start < text.length() && (text.charAt(start) == '\r' || text.charAt(start) == '\n')) start++; // §7.5
    // Over TCP the RI hands over the header lines ended by LF alone, over UDP the datagram as it came.
    Matcher blank = HEAD_END.matcher(text);
    int headEnd = blank.find(start) ? blank.start() : text.length();
    String[] lines = text.substring(start, headEnd).split("\r?\n");
    if (!REQUEST_LINE.matcher(lines[0]).matches()) {
      throw new ParseException("Malformed Request-Line: one space between its three parts", 0); // RFC 4475 §3.1.2.9-10
    }
    Map<String, Integer> seen = new HashMap<>();
    for (String header : unfold(lines)) {
      int colon = header.indexOf(':');
      if (colon <= 0) continue;
      String name = header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value = header.substring(colon + 1).strip();
      String single = SINGLE.get(name);
      if (single != null && seen.merge(single, 1, Integer::sum) > 1) {
        throw new ParseException("More than one " + single + " header", 0); // RFC 4475 §3.3.8-9
      }
      if (ADDRESSES.contains(name)) address(header.substring(0, colon).strip(), value);
    }
  }

  /** RFC 3261 §20.10: an addr-spec with ? or ; parameters of its own must be in <>; no LWS inside <>; token display names. */
  private static void address(String name, String value) throws ParseException {
    if (value.equals("*")) return;
    int lt = value.indexOf('<');
    if (lt < 0) {
      if (value.indexOf('?') >= 0) throw new ParseException("Bad " + name + ": a URI with headers needs <>", 0); // §3.1.2.13
      return;
    }
    int gt = value.indexOf('>', lt);
    if (gt > lt && (Character.isWhitespace(value.charAt(lt + 1)) || Character.isWhitespace(value.charAt(gt - 1)))) {
      throw new ParseException("Bad " + name + ": spaces inside <>", 0); // RFC 4475 §3.1.2.14
    }
    String display = value.substring(0, lt).strip();
    if (!display.startsWith("\"") && !DISPLAY_NAME.matcher(display).matches()) {
      throw new ParseException("Bad " + name + ": a display name with special characters must be quoted", 0); // §3.1.2.15
    }
  }

  /**
   * Header fields with their continuation lines joined (RFC 3261 §7.3.1), the start line left out.
   * Linear: a message of thousands of continuation lines must not cost quadratic time.
   */
  private static java.util.List<String> unfold(String[] lines) {
    java.util.List<String> out = new java.util.ArrayList<>();
    StringBuilder current = null;
    for (int i = 1; i < lines.length; i++) {
      String l = lines[i];
      if (current != null && !l.isEmpty() && (l.charAt(0) == ' ' || l.charAt(0) == '\t')) {
        current.append(' ').append(l.strip());
      } else {
        if (current != null) out.add(current.toString());
        current = new StringBuilder(l);
      }
    }
    if (current != null) out.add(current.toString());
    return out;
  }
}
