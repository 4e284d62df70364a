package dev.parley.loadgen.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SipTextTest {

  private static SipMessage parse(String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    return SipMessage.parse(b, 0, b.length);
  }

  private static UacCall call() {
    return new UacCall(3, "lg3", "sip:room1@127.0.0.1:5060", "cid-3@127.0.0.1", "ft3", "127.0.0.1:5070", 40000);
  }

  @Test
  void anInviteParsesBackWithItsDialogFieldsAndOffer() {
    UacCall c = call();
    SipMessage m = parse(SipText.invite(c, Sdp.pcmu("127.0.0.1", 40000, 1)));
    assertThat(m.startLine()).isEqualTo("INVITE sip:room1@127.0.0.1:5060 SIP/2.0");
    assertThat(m.callId()).isEqualTo("cid-3@127.0.0.1");
    assertThat(m.header("via")).startsWith("SIP/2.0/UDP 127.0.0.1:5070;rport;branch=z9hG4bK");
    assertThat(Sdp.audioTarget(m.body()).getPort()).isEqualTo(40000);
  }

  @Test
  void theAckOfA2xxGoesToTheContactThroughTheRouteSetOnANewBranch() {
    UacCall c = call();
    c.remoteTag = "rt";
    c.remoteTarget = "sip:room1@127.0.0.1:5060;transport=udp";
    c.routeSet = List.of("<sip:proxy;lr>");
    SipMessage ack = parse(SipText.ack(c, true));
    assertThat(ack.startLine()).isEqualTo("ACK sip:room1@127.0.0.1:5060;transport=udp SIP/2.0");
    assertThat(ack.header("route")).isEqualTo("<sip:proxy;lr>");
    assertThat(ack.toTag()).isEqualTo("rt");
    assertThat(ack.header("via")).doesNotEndWith(c.inviteBranch);
  }

  @Test
  void theAckOfAFailureReusesTheInviteBranchAndUri() {
    UacCall c = call();
    c.remoteTag = "rt";
    SipMessage ack = parse(SipText.ack(c, false));
    assertThat(ack.startLine()).isEqualTo("ACK sip:room1@127.0.0.1:5060 SIP/2.0");
    assertThat(ack.header("via")).endsWith("branch=" + c.inviteBranch);
  }

  @Test
  void aResponseCopiesViasFromCallIdAndCseqAndAddsTheToTag() {
    SipMessage req = parse("BYE sip:x SIP/2.0\r\nVia: SIP/2.0/UDP a;branch=z9hG4bK1\r\nVia: SIP/2.0/UDP b;branch=z9hG4bK2\r\n"
        + "From: <sip:a>;tag=1\r\nTo: <sip:b>\r\nCall-ID: c\r\nCSeq: 5 BYE\r\n\r\n");
    SipMessage r = parse(SipText.response(req, 200, "OK", "mine", "", ""));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.headerValues("via")).hasSize(2);
    assertThat(r.toTag()).isEqualTo("mine");
    assertThat(r.header("cseq")).isEqualTo("5 BYE");
    assertThat(r.header("content-length")).isEqualTo("0");
  }
}
