package dev.parley.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SdpWriterTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "baresip-offer.sdp", "linphone-offer.sdp", "sipp-offer.sdp", "static-without-rtpmap.sdp", "hold-sendonly.sdp",
      "hold-session-level-sendonly.sdp", "audio-and-video.sdp", "ptime-10-rtcp-attribute.sdp", "ipv6.sdp",
      "unknown-lines-and-whitespace.sdp", "two-audio-first-rejected.sdp"})
  void whatIsWrittenParsesBackToTheSameModel(String file) throws Exception {
    SessionDescription sd = SdpFiles.parse(file);
    String written = SdpWriter.write(sd);
    assertThat(SdpParser.parse(written)).isEqualTo(sd);
    assertThat(written).endsWith("\r\n").doesNotContain("\r\n\r\n");
    assertThat(written.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
  }

  @Test
  void linesComeInTheOrderRfc4566Requires() {
    MediaDescription audio = new MediaDescription(
        "audio", 4000, 1, "RTP/AVP", List.of("0", "101"), null,
        List.of(new RtpMap(101, "telephone-event", 8000), new RtpMap(0, "PCMU", 8000)), Map.of("101", "0-16"), 20,
        Direction.RECVONLY, 4001, List.of(new Attribute("x-custom", "1")));
    SessionDescription sd = new SessionDescription(
        0, Origin.of(7, 2, "192.0.2.1"), "Parley", "192.0.2.1", "0 0", null, List.of(new Attribute("tool", "t")), List.of(audio));
    assertThat(SdpWriter.write(sd)).isEqualTo(
        "v=0\r\n"
            + "o=parley 7 2 IN IP4 192.0.2.1\r\n"
            + "s=Parley\r\n"
            + "c=IN IP4 192.0.2.1\r\n"
            + "t=0 0\r\n"
            + "a=tool:t\r\n"
            + "m=audio 4000 RTP/AVP 0 101\r\n"
            + "a=rtpmap:0 PCMU/8000\r\n"
            + "a=rtpmap:101 telephone-event/8000\r\n"
            + "a=fmtp:101 0-16\r\n"
            + "a=ptime:20\r\n"
            + "a=rtcp:4001\r\n"
            + "a=x-custom:1\r\n"
            + "a=recvonly\r\n");
  }
}
