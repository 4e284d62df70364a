package dev.parley.sip.jainsip;

import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import gov.nist.javax.sip.message.SIPMessage;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.concurrent.ThreadLocalRandom;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.Header;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.message.Message;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Builds the responses and headers we send, with what every one of them needs: a To tag on final
 * responses (RFC 3261 §8.2.6.2), our Server / User-Agent product, a Contact naming the transport.
 */
final class Messages {
  private final HeaderFactory headers = new HeaderFactoryImpl();
  private final AddressFactory addresses = new AddressFactoryImpl();
  // Not through SipFactory: it is a process-wide singleton, and MessageFactoryImpl's default
  // Server/User-Agent headers are static; we add ours per message instead.
  private final MessageFactory messages = new MessageFactoryImpl();

  private final String userAgent;
  private final String configuredHost;
  private final int port;
  /** Our TLS port, or 0 without TLS. */
  private final int tlsPort;

  Messages(String userAgent, String configuredHost, int port) {
    this(userAgent, configuredHost, port, 0);
  }

  Messages(String userAgent, String configuredHost, int port, int tlsPort) {
    this.userAgent = userAgent == null || userAgent.isBlank() ? null : userAgent.strip();
    this.configuredHost = configuredHost;
    this.port = port;
    this.tlsPort = tlsPort;
  }

  /**
   * A response; all but 100 get {@code toTag} in To when the request had none (RFC 3261 §8.2.6.2 for
   * final responses; §12.1.1 for a 1xx, which creates the early dialog).
   */
  Response response(Request request, int status, String reason, String toTag) throws ParseException {
    Response r = messages.createResponse(status, request);
    if (reason != null && !reason.isBlank()) r.setReasonPhrase(reason);
    ToHeader to = (ToHeader) r.getHeader(ToHeader.NAME);
    if (status > 100 && to != null && to.getTag() == null && toTag != null) to.setTag(toTag);
    if (userAgent != null) r.setHeader(headers.createServerHeader(List.of(userAgent)));
    return r;
  }

  /** {@link #response(Request, int, String, String)} with a fresh tag. */
  Response response(Request request, int status, String reason) throws ParseException {
    return response(request, status, reason, newTag());
  }

  /** Adds our User-Agent to a request we send. */
  void stampUserAgent(Request request) throws ParseException {
    if (userAgent != null) request.setHeader(headers.createUserAgentHeader(List.of(userAgent)));
  }

  /** Adds Allow and Accept (RFC 3261 §11.2: what OPTIONS answers should say; §20.5 for 405). */
  void addCapabilities(Message m) throws ParseException {
    addAllow(m);
    addHeader(m, "Accept", Methods.ACCEPT);
  }

  void addAllow(Message m) throws ParseException {
    addHeader(m, "Allow", Methods.ALLOW);
  }

  /**
   * Adds a header given as text. A comma-separated value of a list header (Allow, Unsupported) is
   * parsed into its elements: the RI's {@code createHeader} refuses lists ("Only singleton allowed").
   */
  void addHeader(Message m, String name, String value) throws ParseException {
    List<?> list;
    try {
      list = ((HeaderFactoryImpl) headers).createHeaders(name + ": " + value);
    } catch (ParseException notAList) {
      // createHeaders refuses every header that is not a list ("List of headers of this type is not
      // allowed"): extension headers, Min-Expires, the authentication headers.
      m.addHeader(headers.createHeader(name, value));
      return;
    }
    for (Object h : list) m.addHeader((Header) h);
  }

  /** Sets a body with its Content-Type, e.g. {@code application/sdp}. */
  void setBody(Message m, String contentType, String body) throws ParseException {
    int slash = contentType.indexOf('/');
    ContentTypeHeader ct = headers.createContentTypeHeader(contentType.substring(0, slash), contentType.substring(slash + 1));
    m.setContent(body, ct);
  }

  /**
   * Our Contact for a request that arrived on {@code transport}: {@code <sip:host:port>}, with
   * {@code ;transport=tcp} for TCP so that the peer's in-dialog requests come back over TCP (RFC 3261
   * §12.1.1: the Contact is the remote target for the whole dialog). Over TLS it names the TLS port
   * with {@code ;transport=tls}, so the dialog stays on TLS whether it began with {@code sips:} or
   * {@code sip:...;transport=tls}.
   */
  ContactHeader contact(String transport, String host) throws ParseException {
    SipURI uri = addresses.createSipURI(null, host);
    uri.setPort("tls".equalsIgnoreCase(transport) && tlsPort > 0 ? tlsPort : port);
    if (!"udp".equalsIgnoreCase(transport)) uri.setTransportParam(transport.toLowerCase(java.util.Locale.ROOT));
    return headers.createContactHeader(addresses.createAddress(uri));
  }

  /** A Contact header naming {@code uri} as it is (the registrar echoes bindings with it). */
  ContactHeader contactHeader(String uri) throws ParseException {
    return headers.createContactHeader(addresses.createAddress(addresses.createURI(uri)));
  }

  /** A Date header (RFC 3261 §20.17; §10.3 step 8 suggests one in a registrar's 200). */
  Header dateHeader(Instant when) {
    Calendar c = Calendar.getInstance(TimeZone.getTimeZone("GMT"), Locale.ROOT);
    c.setTimeInMillis(when.toEpochMilli());
    return headers.createDateHeader(c);
  }

  /** The stack's factories, for the requests we originate ({@link UacMessages}). */
  HeaderFactory headerFactory() {
    return headers;
  }

  AddressFactory addressFactory() {
    return addresses;
  }

  MessageFactory messageFactory() {
    return messages;
  }

  String userAgent() {
    return userAgent;
  }

  int port() {
    return port;
  }

  /**
   * The host we name in requests we originate: the configured address, or for a wildcard address
   * this machine's address (no request tells us where we are reached).
   */
  String originHost() {
    if (!isWildcard(configuredHost)) return configuredHost;
    try {
      return InetAddress.getLocalHost().getHostAddress();
    } catch (java.net.UnknownHostException e) {
      return "127.0.0.1";
    }
  }

  /**
   * The host we name in Contact and Via for a request: the configured address, or when we listen on
   * a wildcard address the one the request arrived on.
   */
  String localHost(Request request) {
    if (!isWildcard(configuredHost)) return configuredHost;
    InetAddress local = ((SIPMessage) request).getLocalAddress();
    return local == null ? configuredHost : local.getHostAddress();
  }

  private static boolean isWildcard(String host) {
    return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]") || host.equals("0:0:0:0:0:0:0:0");
  }

  /** A message body as text, or {@code null} when there is none. */
  static String body(Message m) {
    byte[] raw = m.getRawContent();
    return raw == null || raw.length == 0 ? null : new String(raw, StandardCharsets.UTF_8);
  }

  /** A fresh tag (RFC 3261 §19.3: at least 32 bits of randomness). */
  static String newTag() {
    return Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
  }
}
