package dev.parley.loadgen.sip;

import java.util.List;

/**
 * The text of the few SIP messages the load generator and its echo target send. UDP only, one
 * {@code Via} with {@code rport} (RFC 3581) so the answer comes back to the socket that sent.
 */
public final class SipText {

  /** RFC 3261 §8.1.1.7: every branch starts with the magic cookie. */
  static final String COOKIE = "z9hG4bK";

  private SipText() {}

  static String invite(UacCall c, String sdp) {
    return "INVITE " + c.requestUri + " SIP/2.0\r\n"
        + via(c, c.inviteBranch)
        + "Max-Forwards: 70\r\n"
        + "From: <sip:" + c.user + "@" + c.localHostPort + ">;tag=" + c.fromTag + "\r\n"
        + "To: <" + c.requestUri + ">\r\n"
        + "Call-ID: " + c.callId + "\r\n"
        + "CSeq: 1 INVITE\r\n"
        + "Contact: <sip:" + c.user + "@" + c.localHostPort + ">\r\n"
        + "User-Agent: parley-loadgen\r\n"
        + "Content-Type: application/sdp\r\n"
        + "Content-Length: " + sdp.length() + "\r\n\r\n"
        + sdp;
  }

  /**
   * The ACK. For a 2xx it is its own transaction to the remote target through the route set
   * (RFC 3261 §13.2.2.4); for a failure it reuses the INVITE's branch and Request-URI (§17.1.1.3).
   */
  static String ack(UacCall c, boolean for2xx) {
    String uri = for2xx ? c.remoteTarget : c.requestUri;
    String branch = for2xx ? c.inviteBranch + "a" : c.inviteBranch;
    return "ACK " + uri + " SIP/2.0\r\n"
        + via(c, branch)
        + routes(for2xx ? c.routeSet : List.of())
        + "Max-Forwards: 70\r\n"
        + "From: <sip:" + c.user + "@" + c.localHostPort + ">;tag=" + c.fromTag + "\r\n"
        + "To: <" + c.requestUri + ">" + (c.remoteTag == null ? "" : ";tag=" + c.remoteTag) + "\r\n"
        + "Call-ID: " + c.callId + "\r\n"
        + "CSeq: 1 ACK\r\n"
        + "Content-Length: 0\r\n\r\n";
  }

  static String bye(UacCall c) {
    return "BYE " + c.remoteTarget + " SIP/2.0\r\n"
        + via(c, c.inviteBranch + "b")
        + routes(c.routeSet)
        + "Max-Forwards: 70\r\n"
        + "From: <sip:" + c.user + "@" + c.localHostPort + ">;tag=" + c.fromTag + "\r\n"
        + "To: <" + c.requestUri + ">;tag=" + c.remoteTag + "\r\n"
        + "Call-ID: " + c.callId + "\r\n"
        + "CSeq: 2 BYE\r\n"
        + "Content-Length: 0\r\n\r\n";
  }

  /**
   * A response to {@code request}: its Vias, From, Call-ID and CSeq copied (RFC 3261 §8.2.6.2), its
   * To with {@code toTag} added when it has none, and {@code extraHeaders} (each ending in CRLF).
   */
  public static String response(SipMessage request, int status, String reason, String toTag, String extraHeaders, String body) {
    StringBuilder b = new StringBuilder("SIP/2.0 ").append(status).append(' ').append(reason).append("\r\n");
    for (SipMessage.Header h : request.headers()) {
      if (h.name().equals("via")) b.append("Via: ").append(h.value()).append("\r\n");
    }
    b.append("From: ").append(request.header("from")).append("\r\n");
    String to = request.header("to");
    if (toTag != null && NameAddr.param(to, "tag") == null) to = to + ";tag=" + toTag;
    b.append("To: ").append(to).append("\r\n");
    b.append("Call-ID: ").append(request.callId()).append("\r\n");
    b.append("CSeq: ").append(request.header("cseq")).append("\r\n");
    b.append(extraHeaders);
    if (!body.isEmpty()) b.append("Content-Type: application/sdp\r\n");
    b.append("Content-Length: ").append(body.length()).append("\r\n\r\n").append(body);
    return b.toString();
  }

  private static String via(UacCall c, String branch) {
    return "Via: SIP/2.0/UDP " + c.localHostPort + ";rport;branch=" + branch + "\r\n";
  }

  private static String routes(List<String> routeSet) {
    StringBuilder b = new StringBuilder();
    for (String r : routeSet) b.append("Route: ").append(r).append("\r\n");
    return b.toString();
  }
}
