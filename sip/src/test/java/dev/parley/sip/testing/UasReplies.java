package dev.parley.sip.testing;

/** Responses a test UAS writes for a request it received as text (RFC 3261 §8.2.6.2 copies). */
public final class UasReplies {
  private UasReplies() {}

  /**
   * A response to {@code request} with its Via, From, Call-ID and CSeq, To with {@code toTag}
   * (none for 100), and {@code extra} header lines (each ending in CRLF) and body.
   */
  public static String reply(SipText request, int status, String reason, String toTag, String extra, String body) {
    StringBuilder b = new StringBuilder("SIP/2.0 ").append(status).append(' ').append(reason).append("\r\n");
    for (String via : request.all("Via")) b.append("Via: ").append(via).append("\r\n");
    b.append("From: ").append(request.header("From")).append("\r\n");
    String to = request.header("To");
    b.append("To: ").append(to).append(toTag != null && !to.contains("tag=") ? ";tag=" + toTag : "").append("\r\n");
    b.append("Call-ID: ").append(request.callId()).append("\r\n");
    b.append("CSeq: ").append(request.header("CSeq")).append("\r\n");
    if (extra != null) b.append(extra);
    if (body != null && !body.isEmpty()) b.append("Content-Type: application/sdp\r\n");
    b.append("Content-Length: ").append(body == null ? 0 : body.length()).append("\r\n\r\n");
    if (body != null) b.append(body);
    return b.toString();
  }
}
