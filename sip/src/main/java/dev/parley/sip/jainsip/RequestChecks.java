package dev.parley.sip.jainsip;

import gov.nist.javax.sip.header.SIPHeaderList;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Set;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentEncodingHeader;
import javax.sip.header.ContentLengthHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.RequireHeader;
import javax.sip.message.Request;

/**
 * The checks RFC 3261 §8.2 asks of a UAS before it acts on a request, for what the stack lets
 * through. The stack itself answers 400 when a Via, From, To, Call-ID, CSeq or Content-Length line
 * cannot be parsed or the CSeq method differs from the request's, and 505 for another SIP version
 * (with {@link TidyParserFactory}'s help); it keeps any other unparsable header aside as
 * "unrecognized", which is where we look.
 */
final class RequestChecks {
  private RequestChecks() {}

  /**
   * Headers whose value we act on, so a malformed one is a malformed request (RFC 3261 §21.4.1). A
   * bad Subject or Date is of no consequence and is ignored. Compact forms included (§7.3.3).
   */
  private static final Set<String> CRITICAL =
      Set.of("max-forwards", "contact", "m", "content-type", "c", "require", "proxy-require", "route", "record-route");

  private static final Set<String> SCHEMES = Set.of("sip", "sips", "tel");

  /** Header fields a request may have; real ones have 10 to 30. Beyond: 513 (RFC 3261 §21.5.11). */
  static final int MAX_HEADER_FIELDS = 256;

  /** The largest body we read; an SDP offer is 200 bytes to 2 KiB. Beyond: 413 (RFC 3261 §21.4.11). */
  static final int MAX_BODY_BYTES = 16 * 1024;

  /** The first reason to refuse {@code request}, or {@code null} to go on. Never call it for ACK. */
  static Rejection check(Request request) {
    Rejection r = version(request);
    if (r == null) r = size(request);
    if (r == null) r = mandatoryHeaders(request);
    if (r == null) r = malformedHeader(request);
    if (r == null) r = truncatedBody(request);
    if (r == null) r = scheme(request);
    if (r == null) r = require(request);
    if (r == null && Request.INVITE.equals(request.getMethod())) r = inviteBody(request);
    return r;
  }

  /** RFC 3261 §21.5.6: we speak SIP/2.0 only ({@link TidyParserFactory} keeps the real version). */
  private static Rejection version(Request request) {
    String version = ((SIPRequest) request).getRequestLine().getSipVersion();
    return "SIP/2.0".equalsIgnoreCase(version) ? null : new Rejection(505, "Version Not Supported");
  }

  /**
   * Bounds on what one request may make us hold and walk through. The stack has read the whole
   * message by now (at most a UDP datagram, or 64 KiB over TCP), so memory is already bounded; this
   * keeps thousands of headers or a megabyte of "SDP" from reaching the application.
   */
  private static Rejection size(Request request) {
    int fields = 0;
    for (Iterator<?> it = ((SIPMessage) request).getHeaders(); it.hasNext(); ) {
      Object h = it.next();
      fields += h instanceof SIPHeaderList<?> list ? list.size() : 1;
    }
    ListIterator<String> unparsed = ((SIPMessage) request).getUnrecognizedHeaders();
    while (unparsed != null && unparsed.hasNext()) {
      unparsed.next();
      fields++;
    }
    if (fields > MAX_HEADER_FIELDS) return new Rejection(513, "Message Too Large");
    byte[] body = request.getRawContent();
    if (body != null && body.length > MAX_BODY_BYTES) return new Rejection(413, "Request Entity Too Large");
    return null;
  }

  /**
   * RFC 3261 §8.1.1: Max-Forwards in every request, Contact in an INVITE. The RI refuses to create a
   * transaction without them ("Missing a required header"), so the dispatcher answers these
   * statelessly.
   */
  private static Rejection mandatoryHeaders(Request request) {
    try {
      ((SIPRequest) request).checkHeaders();
      return null;
    } catch (ParseException e) {
      String what = e.getMessage().replace("Missing a required header : ", "Missing ");
      return new Rejection(400, TidyParserFactory.tidy(what));
    }
  }

  /** RFC 3261 §8.1.1.8: an INVITE that creates a dialog MUST carry one SIP or SIPS Contact. */
  static Rejection contact(Request invite) {
    ContactHeader c = (ContactHeader) invite.getHeader(ContactHeader.NAME);
    if (c == null || c.isWildCard() || c.getAddress() == null || !c.getAddress().getURI().isSipURI()) {
      return new Rejection(400, "Missing or invalid Contact");
    }
    return null;
  }

  private static Rejection malformedHeader(Request request) {
    ListIterator<String> it = ((SIPMessage) request).getUnrecognizedHeaders();
    while (it != null && it.hasNext()) {
      String line = it.next();
      int colon = line.indexOf(':');
      String name = (colon < 0 ? line : line.substring(0, colon)).trim();
      if (CRITICAL.contains(name.toLowerCase(Locale.ROOT))) return new Rejection(400, "Bad " + name + " header");
    }
    return null;
  }

  /**
   * RFC 3261 §18.3: over UDP a message whose body is shorter than its Content-Length is to be
   * rejected with 400; the stack takes whatever arrived as the body. (Over TCP it waits for the rest.)
   */
  private static Rejection truncatedBody(Request request) {
    ContentLengthHeader cl = (ContentLengthHeader) request.getHeader(ContentLengthHeader.NAME);
    if (cl == null) return null;
    byte[] body = request.getRawContent();
    int actual = body == null ? 0 : body.length;
    return cl.getContentLength() > actual ? new Rejection(400, "Content-Length exceeds the body") : null;
  }

  /**
   * RFC 3261 §8.2.2.1: 416 for a Request-URI scheme we do not understand; §19.1.1: a SIP
   * Request-URI never carries headers (RFC 4475 §3.1.2.11), 400.
   */
  private static Rejection scheme(Request request) {
    String scheme = request.getRequestURI().getScheme().toLowerCase(Locale.ROOT);
    if (!SCHEMES.contains(scheme)) return new Rejection(416, "Unsupported URI Scheme");
    if (request.getRequestURI() instanceof javax.sip.address.SipURI sip && sip.getHeaderNames().hasNext()) {
      return new Rejection(400, "Headers in the Request-URI");
    }
    return null;
  }

  /** RFC 3261 §8.2.2.3: we support no extensions, so every Require option tag is refused (420). */
  private static Rejection require(Request request) {
    if (Request.CANCEL.equals(request.getMethod())) return null; // §8.2.2.3: never for CANCEL and ACK
    List<String> tags = new ArrayList<>();
    for (Iterator<?> it = request.getHeaders(RequireHeader.NAME); it.hasNext(); ) {
      tags.add(((RequireHeader) it.next()).getOptionTag());
    }
    return tags.isEmpty() ? null : new Rejection(420, "Bad Extension", "Unsupported", String.join(", ", tags));
  }

  /** RFC 3261 §8.2.3: 415 for a body we cannot read (we read SDP, unencoded). */
  private static Rejection inviteBody(Request invite) {
    byte[] body = invite.getRawContent();
    if (body == null || body.length == 0) return null;
    ContentEncodingHeader enc = (ContentEncodingHeader) invite.getHeader(ContentEncodingHeader.NAME);
    if (enc != null && !enc.getEncoding().equalsIgnoreCase("identity")) {
      return new Rejection(415, "Unsupported Media Type", "Accept-Encoding", "identity");
    }
    ContentTypeHeader ct = (ContentTypeHeader) invite.getHeader(ContentTypeHeader.NAME);
    if (ct == null || !ct.getContentType().equalsIgnoreCase("application") || !ct.getContentSubType().equalsIgnoreCase("sdp")) {
      return new Rejection(415, "Unsupported Media Type", "Accept", Methods.ACCEPT);
    }
    return null;
  }
}
