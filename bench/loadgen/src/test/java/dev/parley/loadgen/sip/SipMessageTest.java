package dev.parley.loadgen.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SipMessageTest {

  private static SipMessage parse(String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    return SipMessage.parse(b, 0, b.length);
  }

  private static SipMessage resource(String name) throws IOException {
    try (InputStream in = SipMessageTest.class.getResourceAsStream("/sip/" + name)) {
      // The files are kept with LF line ends for reading; SIP on the wire has CRLF.
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n").replace("\n", "\r\n");
      return parse(text);
    }
  }

  @Test
  void aParley200OkGivesStatusDialogFieldsAndTheSdp() throws IOException {
    SipMessage m = resource("200-invite.txt");
    assertThat(m.isResponse()).isTrue();
    assertThat(m.status()).isEqualTo(200);
    assertThat(m.callId()).isEqualTo("lg-1a2b-7@127.0.0.1");
    assertThat(m.cseqNumber()).isEqualTo(1);
    assertThat(m.cseqMethod()).isEqualTo("INVITE");
    assertThat(m.toTag()).isEqualTo("f00d-42");
    assertThat(m.contactUri()).isEqualTo("sip:room1@127.0.0.1:5060;transport=udp");
    assertThat(Sdp.audioTarget(m.body())).hasToString("/127.0.0.1:20002");
  }

  @Test
  void compactHeaderFormsAndOddCaseAreReadAsTheirLongNames() {
    SipMessage m = parse("SIP/2.0 180 Ringing\r\ni: abc\r\nCSEQ: 1 invite\r\nt: <sip:x@h>;TAG=9\r\nl: 0\r\n\r\n");
    assertThat(m.callId()).isEqualTo("abc");
    assertThat(m.cseqMethod()).isEqualTo("INVITE");
    assertThat(m.toTag()).isEqualTo("9");
  }

  @Test
  void aFoldedHeaderLineIsJoinedToThePreviousOne() {
    SipMessage m = parse("SIP/2.0 200 OK\r\nCall-ID: a\r\nRecord-Route: <sip:p1;lr>,\r\n <sip:p2;lr>\r\nCSeq: 2 BYE\r\n\r\n");
    assertThat(m.headerValues("record-route")).containsExactly("<sip:p1;lr>", "<sip:p2;lr>");
    assertThat(m.cseqMethod()).isEqualTo("BYE");
  }

  @Test
  void commasInsideAngleBracketsOrQuotesDoNotSplitAHeaderList() {
    SipMessage m = parse("SIP/2.0 200 OK\r\nContact: \"Doe, John\" <sip:j@h;x=a,b>, <sip:k@h>\r\n\r\n");
    assertThat(m.headerValues("contact")).containsExactly("\"Doe, John\" <sip:j@h;x=a,b>", "<sip:k@h>");
    assertThat(m.contactUri()).isEqualTo("sip:j@h;x=a,b");
  }

  @Test
  void aBareContactUriEndsAtItsFirstParameter() {
    SipMessage m = parse("SIP/2.0 200 OK\r\nm: sip:bob@10.0.0.1:5062;expires=60\r\n\r\n");
    assertThat(m.contactUri()).isEqualTo("sip:bob@10.0.0.1:5062");
  }

  @Test
  void theBodyIsCutAtContentLength() {
    SipMessage m = parse("SIP/2.0 200 OK\r\nContent-Length: 3\r\n\r\nv=0garbage");
    assertThat(m.body()).isEqualTo("v=0");
  }

  @Test
  void aToWithoutATagHasNone() {
    assertThat(parse("SIP/2.0 100 Trying\r\nTo: <sip:room1@h>\r\n\r\n").toTag()).isNull();
  }

  @Test
  void aRequestGivesItsMethod() {
    SipMessage m = parse("BYE sip:lg3@127.0.0.1:5070 SIP/2.0\r\nCall-ID: c\r\nCSeq: 7 BYE\r\n\r\n");
    assertThat(m.isResponse()).isFalse();
    assertThat(m.method()).isEqualTo("BYE");
  }

  @Test
  void leadingBlankLinesAreIgnored() {
    assertThat(parse("\r\n\r\nSIP/2.0 200 OK\r\nCall-ID: a\r\n\r\n").status()).isEqualTo(200);
  }

  @Test
  void garbageIsRejectedWithAReason() {
    assertThatThrownBy(() -> parse("HELLO WORLD\r\n\r\n")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not SIP/2.0");
    assertThatThrownBy(() -> parse("SIP/2.0 200 OK\r\nno colon here\r\n\r\n")).hasMessageContaining("colon");
    assertThatThrownBy(() -> parse("SIP/2.0 OK\r\n\r\n").status()).hasMessageContaining("status line");
    assertThatThrownBy(() -> parse("SIP/2.0 200 OK\r\nCSeq: one\r\n\r\n").cseqMethod()).hasMessageContaining("CSeq");
    assertThatThrownBy(() -> parse("SIP/2.0 200 OK\r\n\r\n").callId()).hasMessageContaining("Call-ID");
  }
}
