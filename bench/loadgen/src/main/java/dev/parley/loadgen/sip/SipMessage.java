package dev.parley.loadgen.sip;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One SIP message received over UDP, parsed just enough to run a UAC or a small UAS: the start line,
 * the headers (names folded to their long form and lower case, RFC 3261 §7.3.3 compact forms
 * included, continuation lines joined), and the body.
 *
 * <p>Malformed input is an {@link IllegalArgumentException} with a reason; the caller drops the
 * datagram. The body is cut to {@code Content-Length} when it is present and not larger than what
 * arrived (RFC 3261 §18.3).
 */
public record SipMessage(String startLine, List<Header> headers, String body) {

  /** One header line; {@code name} is lower case and in long form ({@code i} becomes {@code call-id}). */
  public record Header(String name, String value) {}

  public SipMessage {
    headers = List.copyOf(headers);
  }

  public static SipMessage parse(byte[] data, int offset, int length) {
    String text = new String(data, offset, length, StandardCharsets.UTF_8);
    int lead = 0;
    while (lead < text.length() && (text.charAt(lead) == '\r' || text.charAt(lead) == '\n')) lead++;
    text = text.substring(lead); // RFC 3261 §7.5: CRLFs before the start line are ignored
    int end = text.indexOf("\r\n\r\n");
    int sep = 4;
    if (end < 0) {
      end = text.indexOf("\n\n");
      sep = 2;
    }
    String head = end < 0 ? text : text.substring(0, end);
    String body = end < 0 ? "" : text.substring(end + sep);
    String[] lines = head.split("\r?\n");
    int first = 0;
    if (lines.length == 0 || lines[0].isBlank()) throw new IllegalArgumentException("empty message");
    String startLine = lines[first].strip();
    if (!startLine.contains("SIP/2.0")) throw new IllegalArgumentException("not SIP/2.0: " + startLine);
    List<Header> headers = new ArrayList<>();
    for (int i = first + 1; i < lines.length; i++) {
      String line = lines[i];
      if (line.isEmpty()) continue;
      if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && !headers.isEmpty()) {
        Header last = headers.removeLast(); // folded continuation of the previous header
        headers.add(new Header(last.name(), last.value() + " " + line.strip()));
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) throw new IllegalArgumentException("header without a colon: " + line);
      String name = longForm(line.substring(0, colon).strip().toLowerCase(Locale.ROOT));
      headers.add(new Header(name, line.substring(colon + 1).strip()));
    }
    SipMessage m = new SipMessage(startLine, headers, body);
    String cl = m.header("content-length");
    if (cl != null) {
      int n;
      try {
        n = Integer.parseInt(cl.strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bad Content-Length: " + cl);
      }
      byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
      if (n >= 0 && n < bodyBytes.length) {
        m = new SipMessage(startLine, headers, new String(bodyBytes, 0, n, StandardCharsets.UTF_8));
      }
    }
    return m;
  }

  private static String longForm(String name) {
    return switch (name) {
      case "i" -> "call-id";
      case "m" -> "contact";
      case "f" -> "from";
      case "t" -> "to";
      case "v" -> "via";
      case "l" -> "content-length";
      case "c" -> "content-type";
      case "s" -> "subject";
      case "k" -> "supported";
      default -> name;
    };
  }

  public boolean isResponse() {
    return startLine.startsWith("SIP/2.0");
  }

  /** The status code of a response. */
  public int status() {
    if (!isResponse()) throw new IllegalStateException("not a response: " + startLine);
    String[] parts = startLine.split("\\s+");
    try {
      return Integer.parseInt(parts[1]);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("bad status line: " + startLine);
    }
  }

  /** The method of a request ({@code BYE}), or of the transaction a response answers (from CSeq). */
  public String method() {
    if (isResponse()) return cseqMethod();
    return startLine.substring(0, startLine.indexOf(' ')).toUpperCase(Locale.ROOT);
  }

  /** The first value of a header (by its lower-case long name), or null. */
  public String header(String name) {
    for (Header h : headers) if (h.name().equals(name)) return h.value();
    return null;
  }

  /** Every value of a header, comma-separated lists split (outside angle brackets and quotes). */
  public List<String> headerValues(String name) {
    List<String> out = new ArrayList<>();
    for (Header h : headers) if (h.name().equals(name)) out.addAll(splitList(h.value()));
    return out;
  }

  public String callId() {
    String v = header("call-id");
    if (v == null) throw new IllegalArgumentException("no Call-ID");
    return v;
  }

  public long cseqNumber() {
    String[] parts = cseq();
    try {
      return Long.parseLong(parts[0]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad CSeq: " + header("cseq"));
    }
  }

  public String cseqMethod() {
    return cseq()[1].toUpperCase(Locale.ROOT);
  }

  private String[] cseq() {
    String v = header("cseq");
    if (v == null) throw new IllegalArgumentException("no CSeq");
    String[] parts = v.strip().split("\\s+");
    if (parts.length != 2) throw new IllegalArgumentException("bad CSeq: " + v);
    return parts;
  }

  /** The {@code tag} parameter of the To header, or null. */
  public String toTag() {
    String to = header("to");
    return to == null ? null : NameAddr.param(to, "tag");
  }

  /** The URI of the first Contact, or null. */
  public String contactUri() {
    List<String> contacts = headerValues("contact");
    return contacts.isEmpty() ? null : NameAddr.uri(contacts.getFirst());
  }

  /** Splits on commas that are outside {@code <...>} and {@code "..."}. */
  static List<String> splitList(String value) {
    List<String> out = new ArrayList<>();
    int depth = 0, start = 0;
    boolean quoted = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' && (i == 0 || value.charAt(i - 1) != '\\')) quoted = !quoted;
      else if (!quoted && c == '<') depth++;
      else if (!quoted && c == '>') depth--;
      else if (!quoted && depth == 0 && c == ',') {
        out.add(value.substring(start, i).strip());
        start = i + 1;
      }
    }
    String last = value.substring(start).strip();
    if (!last.isEmpty()) out.add(last);
    return out;
  }
}
