package dev.parley.sip.testing;

import java.nio.charset.StandardCharsets;

/**
 * The caller's side of one dialog, written by hand so that tests control every byte: builds
 * INVITE, ACK, BYE, INFO, re-INVITE and CANCEL, and the 200 for a request from the server.
 */
public final class UacDialog {
  public static final String OFFER =
      "v=0\r\no=uac 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
          + "m=audio 16900 RTP/AVP 0 8 101\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\n";

  private final String transport;
  private final int localPort;
  private final int serverPort;
  private final String user;
  private final String callId = Templates.token() + "@uac";
  private final String fromTag = Templates.token();
  private String contact;
  private String toTag;
  private String remoteTarget;
  private String inviteBranch;
  private int cseq;
  private String lastBranch;

  /**
   * @param transport {@code UDP} or {@code TCP}
   * @param localPort our port as written in Via and (by default) Contact
   */
  public UacDialog(String transport, int localPort, int serverPort, String user) {
    this.transport = transport;
    this.localPort = localPort;
    this.serverPort = serverPort;
    this.user = user;
    this.contact = "<sip:uac@127.0.0.1:" + localPort + ">";
  }

  /** Uses another Contact (e.g. one without {@code ;transport=tcp}, or another port). */
  public UacDialog contact(String contactValue) {
    this.contact = contactValue;
    return this;
  }

  public String callId() {
    return callId;
  }

  /** Takes the To tag and the remote target (Contact) from a response that has them. */
  public void learn(SipText response) {
    if (response.toTag() != null) toTag = response.toTag();
    if (response.contactUri() != null && response.status() / 100 == 2) remoteTarget = response.contactUri();
  }

  public String invite(String sdp) {
    cseq = 1;
    inviteBranch = Templates.branch();
    return request("INVITE", "sip:" + user + "@127.0.0.1:" + serverPort, inviteBranch, cseq, "INVITE", false, sdp, "application/sdp");
  }

  /** The ACK for a 2xx: a new transaction to the remote target (RFC 3261 §13.2.2.4). */
  public String ack(String sdp) {
    return request("ACK", target(), Templates.branch(), cseq, "ACK", true, sdp, "application/sdp");
  }

  /** The ACK for a non-2xx final response: the INVITE's branch and Request-URI (§17.1.1.3). */
  public String ackForFailure() {
    return request("ACK", "sip:" + user + "@127.0.0.1:" + serverPort, inviteBranch, 1, "ACK", true, null, null);
  }

  /** The ACK for a non-2xx final response to the re-INVITE with this CSeq (same branch as it). */
  public String ackForFailureOf(int reinviteCSeq) {
    return request("ACK", target(), lastBranch, reinviteCSeq, "ACK", true, null, null);
  }

  public String cancel() {
    return request("CANCEL", "sip:" + user + "@127.0.0.1:" + serverPort, inviteBranch, 1, "CANCEL", false, null, null);
  }

  public String bye() {
    return request("BYE", target(), Templates.branch(), ++cseq, "BYE", true, null, null);
  }

  public String info(String contentType, String body) {
    return request("INFO", target(), Templates.branch(), ++cseq, "INFO", true, body, contentType);
  }

  public String reinvite(String sdp) {
    return request("INVITE", target(), Templates.branch(), ++cseq, "INVITE", true, sdp, "application/sdp");
  }

  /** The CSeq number of the last request built. */
  public int cseq() {
    return cseq;
  }

  /** 200 OK for a request the server sent us (its Vias, From, To, Call-ID and CSeq copied). */
  public static String okFor(SipText request) {
    StringBuilder b = new StringBuilder("SIP/2.0 200 OK\r\n");
    for (String via : request.all("Via")) b.append("Via: ").append(via).append("\r\n");
    b.append("From: ").append(request.header("From")).append("\r\n");
    b.append("To: ").append(request.header("To")).append("\r\n");
    b.append("Call-ID: ").append(request.callId()).append("\r\n");
    b.append("CSeq: ").append(request.header("CSeq")).append("\r\n");
    b.append("Content-Length: 0\r\n\r\n");
    return b.toString();
  }

  private String target() {
    return remoteTarget != null ? remoteTarget : "sip:" + user + "@127.0.0.1:" + serverPort;
  }

  private String request(
      String method, String uri, String branch, int seq, String cseqMethod, boolean withToTag, String body, String type) {
    if (!method.equals("ACK")) lastBranch = branch;
    byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    StringBuilder b = new StringBuilder();
    b.append(method).append(' ').append(uri).append(" SIP/2.0\r\n");
    b.append("Via: SIP/2.0/").append(transport).append(" 127.0.0.1:").append(localPort).append(";branch=").append(branch).append(";rport\r\n");
    b.append("Max-Forwards: 70\r\n");
    b.append("From: \"Test Caller\" <sip:caller@127.0.0.1:").append(localPort).append(">;tag=").append(fromTag).append("\r\n");
    b.append("To: <sip:").append(user).append("@127.0.0.1:").append(serverPort).append('>');
    if (withToTag && toTag != null) b.append(";tag=").append(toTag);
    b.append("\r\n");
    b.append("Call-ID: ").append(callId).append("\r\n");
    b.append("CSeq: ").append(seq).append(' ').append(cseqMethod).append("\r\n");
    if (method.equals("INVITE")) b.append("Contact: ").append(contact).append("\r\n");
    if (content.length > 0) b.append("Content-Type: ").append(type).append("\r\n");
    b.append("Content-Length: ").append(content.length).append("\r\n\r\n");
    if (body != null) b.append(body);
    return b.toString();
  }
}
