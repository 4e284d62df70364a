package dev.parley.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class SdpParserTest {

  @Test
  void parsesABaresipOffer() throws Exception {
    SessionDescription sd = SdpFiles.parse("baresip-offer.sdp");
    assertThat(sd.version()).isZero();
    assertThat(sd.origin()).isEqualTo(new Origin("-", "3948303455", "3948303455", "IN", "IP4", "127.0.0.1"));
    assertThat(sd.connectionAddress()).isEqualTo("127.0.0.1");
    assertThat(sd.media()).hasSize(1);
    MediaDescription m = sd.media().getFirst();
    assertThat(m.media()).isEqualTo("audio");
    assertThat(m.port()).isEqualTo(31000);
    assertThat(m.proto()).isEqualTo("RTP/AVP");
    assertThat(m.payloadTypes()).containsExactly(0, 8, 101);
    assertThat(m.rtpMap(101)).isEqualTo(new RtpMap(101, "telephone-event", 8000));
    assertThat(m.fmtp(101)).isEqualTo("0-15");
    assertThat(m.ptimeMillis()).isEqualTo(20);
    assertThat(m.direction()).isEqualTo(Direction.SENDRECV);
    assertThat(m.rtcpPort()).isEqualTo(-1);
    assertThat(m.otherAttributes()).extracting(Attribute::name).containsExactly("label", "ssrc", "rtcp-rsize");
    assertThat(m.otherAttributes().get(1).value()).startsWith("1684293112 cname:");
    assertThat(m.otherAttributes().get(2).value()).isNull();
  }

  @Test
  void parsesALinphoneOfferWithBareLineFeeds() throws Exception {
    assertThat(SdpFiles.text("linphone-offer.sdp")).doesNotContain("\r");
    SessionDescription sd = SdpFiles.parse("linphone-offer.sdp");
    assertThat(sd.sessionName()).isEqualTo("Talk");
    assertThat(sd.attributes()).extracting(Attribute::name).containsExactly("rtcp-xr", "record");
    MediaDescription m = sd.media().getFirst();
    assertThat(m.payloadTypes()).containsExactly(96, 97, 98, 0, 8, 18, 101, 99, 100);
    assertThat(m.rtpMap(96)).isEqualTo(new RtpMap(96, "opus", 48000, "2"));
    assertThat(m.rtpMap(18)).as("static type without rtpmap").isEqualTo(new RtpMap(18, "G729", 8000));
    assertThat(m.fmtp(18)).isEqualTo("annexb=yes");
    assertThat(m.direction()).isNull();
    assertThat(sd.directionOf(m)).isEqualTo(Direction.SENDRECV);
  }

  @Test
  void parsesSippsDefaultOffer() throws Exception {
    MediaDescription m = SdpFiles.parse("sipp-offer.sdp").media().getFirst();
    assertThat(m.port()).isEqualTo(6000);
    assertThat(m.payloadTypes()).containsExactly(0);
  }

  @Test
  void staticPayloadTypesNeedNoRtpmapButDynamicOnesDo() throws Exception {
    MediaDescription m = SdpFiles.parse("static-without-rtpmap.sdp").media().getFirst();
    assertThat(m.rtpMaps()).isEmpty();
    assertThat(m.rtpMap(8)).isEqualTo(new RtpMap(8, "PCMA", 8000));
    assertThat(m.rtpMap(0)).isEqualTo(new RtpMap(0, "PCMU", 8000));
    assertThat(m.rtpMap(96)).isNull();
  }

  @Test
  void mediaLevelConnectionAndRtcpAttribute() throws Exception {
    SessionDescription sd = SdpFiles.parse("ptime-10-rtcp-attribute.sdp");
    MediaDescription m = sd.media().getFirst();
    assertThat(sd.connectionAddress()).isNull();
    assertThat(sd.connectionFor(m)).isEqualTo("192.0.2.36");
    assertThat(m.rtcpPort()).isEqualTo(53021);
    assertThat(m.ptimeMillis()).isEqualTo(10);
  }

  @Test
  void sessionLevelDirectionAppliesToMediaWithoutOne() throws Exception {
    SessionDescription sd = SdpFiles.parse("hold-session-level-sendonly.sdp");
    assertThat(sd.direction()).isEqualTo(Direction.SENDONLY);
    assertThat(sd.directionOf(sd.media().getFirst())).isEqualTo(Direction.SENDONLY);
  }

  @Test
  void toleratesUnknownLinesAttributesAndStrayWhitespace() throws Exception {
    SessionDescription sd = SdpFiles.parse("unknown-lines-and-whitespace.sdp");
    assertThat(sd.origin().address()).isEqualTo("192.0.2.37");
    assertThat(sd.sessionName()).isEqualTo("A session name with spaces");
    assertThat(sd.connectionAddress()).as("multicast TTL and count stripped").isEqualTo("224.2.1.1");
    MediaDescription m = sd.media().getFirst();
    assertThat(m.port()).isEqualTo(5014);
    assertThat(m.portCount()).isEqualTo(2);
    assertThat(m.proto()).isEqualTo("RTP/AVPF");
    assertThat(m.otherAttributes()).containsExactly(new Attribute("x-unknown", "with:colons"), new Attribute("rtcp-mux", null));
    assertThat(m.fmtp(0)).isEmpty();
  }

  @Test
  void ipv6Connection() throws Exception {
    SessionDescription sd = SdpFiles.parse("ipv6.sdp");
    assertThat(sd.connectionAddress()).isEqualTo("::1");
    assertThat(sd.origin().addressType()).isEqualTo("IP6");
  }

  @Test
  void nonRtpMediaKeepTheirFormats() throws Exception {
    MediaDescription image = SdpFiles.parse("audio-and-video.sdp").media().get(2);
    assertThat(image.media()).isEqualTo("image");
    assertThat(image.port()).isZero();
    assertThat(image.formats()).containsExactly("t38");
    assertThat(image.payloadTypes()).isEmpty();
    assertThat(image.isRtp()).isFalse();
  }

  @Test
  void nullAndBlankAreErrorsOnLineOne() {
    assertThatThrownBy(() -> SdpParser.parse(null)).isInstanceOf(SdpException.class).hasMessage("SDP line 1: empty SDP");
    assertThatThrownBy(() -> SdpParser.parse("  ")).isInstanceOf(SdpException.class);
  }

  /**
   * Every file in sdp/malformed/ must fail; its name starts with the line number the error must
   * name.
   */
  @TestFactory
  Stream<DynamicTest> malformedFilesNameTheirLine() throws IOException, URISyntaxException {
    Path dir = Paths.get(getClass().getClassLoader().getResource("sdp/malformed").toURI());
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.sorted().toList();
    }
    assertThat(files).hasSizeGreaterThan(10);
    return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
      int line = Integer.parseInt(f.getFileName().toString().substring(0, 2));
      String text = Files.readString(f);
      assertThatThrownBy(() -> SdpParser.parse(text))
          .isInstanceOf(SdpException.class)
          .satisfies(e -> assertThat(((SdpException) e).lineNumber()).as(e.getMessage()).isEqualTo(line))
          .hasMessageStartingWith("SDP line " + line + ": ");
    }));
  }

  @Test
  void errorMessagesSayWhatIsWrong() {
    assertThatThrownBy(() -> SdpParser.parse(SdpFiles.text("malformed/06-port-not-a-number.sdp")))
        .hasMessage("SDP line 6: port is not a number: 'abc'");
    assertThatThrownBy(() -> SdpParser.parse(SdpFiles.text("malformed/07-rtpmap-without-clock-rate.sdp")))
        .hasMessage("SDP line 7: rtpmap needs <encoding>/<clock rate>, found 'opus'");
    assertThatThrownBy(() -> SdpParser.parse(SdpFiles.text("malformed/05-no-connection-anywhere.sdp")))
        .hasMessage("SDP line 5: m=audio has no c= line and the session has none");
  }
}
