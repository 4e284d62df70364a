package dev.parley.sip.jainsip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.sip.Credentials;
import dev.parley.sip.OutgoingCall;
import dev.parley.sip.OutgoingCallRequest;
import dev.parley.sip.SipConfig;
import dev.parley.sip.digest.Digest;
import dev.parley.sip.digest.DigestAlgorithm;
import dev.parley.sip.digest.DigestCredentials;
import dev.parley.sip.testing.AuthParams;
import dev.parley.sip.testing.RecordingOutgoingListener;
import dev.parley.sip.testing.SipText;
import dev.parley.sip.testing.UacDialog;
import dev.parley.sip.testing.UdpSipClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Calls we place, answered by a raw UDP socket playing the far end (server on port 15107). */
class OutgoingCallFlowTest {
  static final int PORT = 15107;
  static final Duration WAIT = Duration.ofSeconds(3);
  static final String ANSWER = "v=0\r\no=bob 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 42000 RTP/AVP 0\r\n";

  private JainSipServer server;
  private UdpSipClient far;
  private final RecordingOutgoingListener listener = new RecordingOutgoingListener();

  @BeforeEach
  void start() throws Exception {
    server = JainSipServer.start(new SipConfig("127.0.0.1", PORT, true, false, "Parley-test"), call -> {}, StackOptions.DEFAULTS);
    far = UdpSipClient.open();
  }

  @AfterEach
  void stop() {
    if (far != null) far.close();
    if (server != null) server.close();
  }

  private OutgoingCall dial(OutgoingCallRequest request) {
    return server.dial(request, listener);
  }

  private OutgoingCallRequest toFar() {
    return OutgoingCallRequest.to("sip:bob@127.0.0.1:" + far.port(), UacDialog.OFFER)
        .withFrom("4930123", "Parley Room").withHeaders(Map.of("X-Room", "3000"));
  }

  private SipText awaitRequest(String method) {
    SipText r = far.await(m -> !m.isResponse() && method.equals(m.method()), WAIT);
    assertThat(r).as("%s; got %s", method, far.received()).isNotNull();
    return r;
  }

  private void reply(SipText request, int status, String reason, String extra, String body) {
    far.send(dev.parley.sip.testing.UasReplies.reply(request, status, reason, "far1", extra, body), PORT);
  }

  private static final String CONTACT = "Contact: <sip:bob@127.0.0.1:%d>\r\n";

  @Test
  void answeredCallIsAckedAgainForEveryRetransmittedOkAndEndsWithTheFarEndsBye() {
    OutgoingCall call = dial(toFar());
    SipText invite = awaitRequest("INVITE");
    assertThat(invite.callId()).isEqualTo(call.callId());
    assertThat(invite.header("From")).contains("\"Parley Room\"").contains("sip:4930123@127.0.0.1").contains("tag=");
    assertThat(invite.header("X-Room")).isEqualTo("3000");
    assertThat(invite.header("CSeq")).isEqualTo("1 INVITE");
    assertThat(invite.body()).isEqualTo(UacDialog.OFFER);
    assertThat(invite.contactUri()).isEqualTo("sip:parley@127.0.0.1:" + PORT);

    String contact = CONTACT.formatted(far.port());
    reply(invite, 180, "Ringing", contact, null);
    assertThat(listener.awaitPrefix("progress:180", WAIT)).isNotNull();
    reply(invite, 200, "OK", contact, ANSWER);
    assertThat(listener.awaitPrefix("answered:", WAIT)).isEqualTo("answered:" + ANSWER);
    SipText ack = awaitRequest("ACK");
    assertThat(ack.header("CSeq")).isEqualTo("1 ACK");
    assertThat(ack.requestUri()).isEqualTo("sip:bob@127.0.0.1:" + far.port());

    reply(invite, 200, "OK", contact, ANSWER); // RFC 3261 §13.2.2.4: the ACK must be sent again
    assertThat(awaitRequest("ACK").header("CSeq")).isEqualTo("1 ACK");

    String bye = "BYE sip:parley@127.0.0.1:" + PORT + " SIP/2.0\r\n"
        + "Via: SIP/2.0/UDP 127.0.0.1:" + far.port() + ";branch=z9hG4bK-bye1;rport\r\n"
        + "Max-Forwards: 70\r\n"
        + "From: " + invite.header("To") + ";tag=far1\r\n"
        + "To: " + invite.header("From") + "\r\n"
        + "Call-ID: " + invite.callId() + "\r\nCSeq: 1 BYE\r\nContent-Length: 0\r\n\r\n";
    far.send(bye, PORT);
    SipText ok = far.awaitFinal(invite.callId(), "BYE", WAIT);
    assertThat(ok).isNotNull();
    assertThat(ok.status()).isEqualTo(200);
    assertThat(listener.awaitPrefix("ended:", WAIT)).isEqualTo("ended:REMOTE_BYE");
    assertThat(call.isTerminated()).isTrue();
    assertThat(listener.allOnVirtualThreads()).isTrue();
  }

  @Test
  void proxyChallengeIsAnsweredWithCredentialsAndCSeqPlusOne() {
    dial(toFar().withCredentials(new Credentials("trunkuser", "trunkpw")));
    SipText first = awaitRequest("INVITE");
    reply(first, 407, "Proxy Authentication Required",
        "Proxy-Authenticate: Digest realm=\"trunk\", nonce=\"n0nce\", algorithm=SHA-256, qop=\"auth\"\r\n", null);
    assertThat(awaitRequest("ACK").header("CSeq")).as("the 407 is acknowledged").isEqualTo("1 ACK");
    SipText second = awaitRequest("INVITE");
    assertThat(second.header("CSeq")).isEqualTo("2 INVITE");
    assertThat(second.callId()).isEqualTo(first.callId());
    Map<String, String> p = AuthParams.parse(second.header("Proxy-Authorization"));
    assertThat(p).containsEntry("username", "trunkuser").containsEntry("realm", "trunk").containsEntry("nonce", "n0nce")
        .containsEntry("algorithm", "SHA-256").containsEntry("qop", "auth").containsEntry("nc", "00000001");
    DigestCredentials c = new DigestCredentials(p.get("username"), p.get("realm"), p.get("nonce"), p.get("uri"),
        p.get("response"), p.get("algorithm"), p.get("qop"), p.get("nc"), p.get("cnonce"), null);
    assertThat(Digest.matches(DigestAlgorithm.SHA_256, c, "INVITE", "trunkpw")).isTrue();

    reply(second, 200, "OK", CONTACT.formatted(far.port()), ANSWER);
    assertThat(listener.awaitPrefix("answered:", WAIT)).isNotNull();
    assertThat(awaitRequest("ACK").header("CSeq")).isEqualTo("2 ACK");
  }

  @Test
  void secondChallengeForTheSameCredentialsFailsTheCall() {
    dial(toFar().withCredentials(new Credentials("trunkuser", "wrong")));
    String challenge = "WWW-Authenticate: Digest realm=\"trunk\", nonce=\"%s\", qop=\"auth\"\r\n";
    reply(awaitRequest("INVITE"), 401, "Unauthorized", challenge.formatted("a"), null);
    reply(awaitRequest("INVITE"), 401, "Unauthorized", challenge.formatted("b"), null);
    assertThat(listener.awaitPrefix("failed:", WAIT)).isEqualTo("failed:401");
  }

  @Test
  void cancelWhileRingingSendsCancelAndReports487() {
    OutgoingCall call = dial(toFar());
    SipText invite = awaitRequest("INVITE");
    call.cancel();
    reply(invite, 180, "Ringing", CONTACT.formatted(far.port()), null); // the CANCEL waits for a 1xx (§9.1)
    SipText cancel = awaitRequest("CANCEL");
    assertThat(cancel.header("CSeq")).isEqualTo("1 CANCEL");
    reply(cancel, 200, "OK", null, null);
    reply(invite, 487, "Request Terminated", null, null);
    assertThat(listener.awaitPrefix("failed:", WAIT)).isEqualTo("failed:487");
    assertThat(call.isTerminated()).isTrue();
    assertThat(listener.texts()).noneMatch(t -> t.startsWith("progress:180"));
  }

  @Test
  void okCrossingTheCancelIsAckedAndEndedWithBye() {
    OutgoingCall call = dial(toFar());
    SipText invite = awaitRequest("INVITE");
    reply(invite, 180, "Ringing", CONTACT.formatted(far.port()), null);
    assertThat(listener.awaitPrefix("progress:180", WAIT)).isNotNull();
    call.cancel();
    SipText cancel = awaitRequest("CANCEL");
    reply(cancel, 200, "OK", null, null);
    reply(invite, 200, "OK", CONTACT.formatted(far.port()), ANSWER);
    awaitRequest("ACK");
    SipText bye = awaitRequest("BYE");
    reply(bye, 200, "OK", null, null);
    assertThat(listener.awaitPrefix("failed:", WAIT)).isEqualTo("failed:487");
    assertThat(listener.texts()).noneMatch(t -> t.startsWith("answered:"));
  }

  @Test
  void ringTimeoutCancelsAndReports408() {
    dial(toFar().withRingTimeout(Duration.ofMillis(300)));
    SipText invite = awaitRequest("INVITE");
    reply(invite, 180, "Ringing", CONTACT.formatted(far.port()), null);
    assertThat(listener.awaitPrefix("failed:", WAIT)).isEqualTo("failed:408");
    SipText cancel = awaitRequest("CANCEL");
    reply(cancel, 200, "OK", null, null);
    reply(invite, 487, "Request Terminated", null, null);
  }

  @Test
  void busyIsReportedAsFailed() {
    dial(toFar());
    reply(awaitRequest("INVITE"), 486, "Busy Here", null, null);
    assertThat(listener.awaitPrefix("failed:", WAIT)).isEqualTo("failed:486");
  }

  @Test
  void hangupAfterTheAnswerSendsBye() {
    OutgoingCall call = dial(toFar());
    SipText invite = awaitRequest("INVITE");
    reply(invite, 200, "OK", CONTACT.formatted(far.port()), ANSWER);
    assertThat(listener.awaitPrefix("answered:", WAIT)).isNotNull();
    awaitRequest("ACK");
    call.sendInfo("application/dtmf-relay", "Signal=5\r\nDuration=160\r\n");
    SipText info = awaitRequest("INFO");
    assertThat(info.body()).contains("Signal=5");
    reply(info, 200, "OK", null, null);
    call.hangup();
    SipText bye = awaitRequest("BYE");
    assertThat(bye.requestUri()).isEqualTo("sip:bob@127.0.0.1:" + far.port());
    reply(bye, 200, "OK", null, null);
    assertThat(listener.awaitPrefix("ended:", WAIT)).isEqualTo("ended:LOCAL_HANGUP");
  }
}
