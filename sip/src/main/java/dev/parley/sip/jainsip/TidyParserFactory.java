package dev.parley.sip.jainsip;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.StringMsgParser;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;

/**
 * The RI's parser, with three of its flaws mended.
 *
 * <p>A request without CSeq makes the RI's UDP channel throw a NullPointerException, and a message
 * without Call-ID, From, To or Via is dropped with two ERROR lines: a peer sending junk would fill
 * the log. We report them as parse errors instead, which the RI answers with 400 when it can build
 * one (requests only), or drops quietly.
 *
 * <p>Its request-line parser builds "Expecting SIP/2.0" but never throws it, and records every
 * version as SIP/2.0; so a {@code SIP/7.0} request would be served. We put the real version back in
 * the request line, where the RI's own UDP check (and {@link RequestChecks}) answer 505 (RFC 3261
 * §21.5.6).
 *
 * <p>When a UDP request cannot be parsed, the RI answers it with {@code 400 Bad Request (<the
 * exception's message>)}. Its messages contain a {@code char[]}'s identity ({@code [C@6812c12d}) and
 * line breaks, which end the status line early and make the response itself malformed. The RI
 * instantiates this factory by name ({@code gov.nist.javax.sip.MESSAGE_PARSER_FACTORY}).
 */
public final class TidyParserFactory implements MessageParserFactory {
  // The RI shares one StringMsgParser across threads too (StringMsgParserFactory): it is stateless.
  private static final StringMsgParser DELEGATE = new StringMsgParser();
  private static final MessageParser PARSER = TidyParserFactory::parse;

  public TidyParserFactory() {}

  @Override
  public MessageParser createMessageParser(SIPTransactionStack stack) {
    return PARSER;
  }

  private static SIPMessage parse(byte[] bytes, boolean readBody, boolean strict, ParseExceptionListener listener)
      throws ParseException {
    SIPMessage m;
    if (bytes != null && !startsWith(bytes, "SIP/")) RawRequestChecks.check(bytes);
    try {
      m = DELEGATE.parseSIPMessage(bytes, readBody, strict, listener);
    } catch (ParseException e) {
      throw new ParseException(tidy(e.getMessage()), e.getErrorOffset());
    }
    if (m != null) {
      String missing = missingHeader(m);
      if (missing != null) throw new ParseException("Missing " + missing, 0);
    }
    if (m instanceof SIPRequest r && r.getRequestLine() != null) {
      String version = requestLineVersion(bytes);
      if (version != null && !version.equalsIgnoreCase("SIP/2.0")) r.getRequestLine().setSipVersion(version);
    }
    return m;
  }

  private static boolean startsWith(byte[] bytes, String prefix) {
    int i = 0;
    while (i + 1 < bytes.length && bytes[i] == '\r' && bytes[i + 1] == '\n') i += 2;
    if (bytes.length - i < prefix.length()) return false;
    for (int k = 0; k < prefix.length(); k++) if (bytes[i + k] != prefix.charAt(k)) return false;
    return true;
  }

  /** The first of the headers every message needs (RFC 3261 §8.1.1, §8.2.6.2) that is missing, or null. */
  private static String missingHeader(SIPMessage r) {
    if (r.getCSeq() == null) return "CSeq";
    if (r.getCallId() == null) return "Call-ID";
    if (r.getFrom() == null) return "From";
    if (r.getTo() == null) return "To";
    if (r.getTopmostVia() == null) return "Via";
    return null;
  }

  /** The last token of the first non-empty line, e.g. {@code SIP/2.0}; null if there is none. */
  private static String requestLineVersion(byte[] bytes) {
    int start = 0;
    while (start < bytes.length && (bytes[start] == '\r' || bytes[start] == '\n')) start++;
    int end = start;
    while (end < bytes.length && bytes[end] != '\r' && bytes[end] != '\n') end++;
    String line = new String(bytes, start, end - start, StandardCharsets.ISO_8859_1).strip();
    int space = line.lastIndexOf(' ');
    return space < 0 ? null : line.substring(space + 1);
  }

  /** One short printable line: no array identities, no control characters, at most 60 characters. */
  static String tidy(String message) {
    if (message == null) return "malformed message";
    String s = message.replaceAll("\\[C@[0-9a-fA-F]+", "").replaceAll("[\\p{Cntrl}\\s]+", " ").replaceAll("[()]", "").strip();
    if (s.length() > 60) s = s.substring(0, 60).strip();
    return s.isEmpty() ? "malformed message" : s;
  }
}
