package dev.parley.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OfferAnswerTest {
  static final List<AudioFormat> G711 = List.of(AudioFormat.PCMU, AudioFormat.PCMA);
  static final String US = "192.0.2.100";

  private static OfferAnswer.Answer answer(String file) throws Exception {
    return OfferAnswer.answer(SdpFiles.parse(file), G711, US, 20000, 99);
  }

  /** A whole offer from 127.0.0.1 around the given media lines. */
  private static String sdp(String... mediaLines) {
    return "v=0\r\no=peer 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
        + String.join("\r\n", mediaLines) + "\r\n";
  }

  private static MediaDescription audioOf(String sdp) throws SdpException {
    return SdpParser.parse(sdp).media().stream().filter(m -> m.port() != 0).findFirst().orElseThrow();
  }

  @Test
  void answersBaresipWithPcmuAndItsTelephoneEvent() throws Exception {
    OfferAnswer.Answer a = answer("baresip-offer.sdp");
    assertThat(a.negotiated()).isEqualTo(
        new NegotiatedAudio("127.0.0.1", 31000, 31001, 0, "PCMU", 8000, 20, 101, Direction.SENDRECV));
    assertThat(a.sdp()).isEqualTo(
        "v=0\r\n"
            + "o=parley 99 1 IN IP4 192.0.2.100\r\n"
            + "s=Parley\r\n"
            + "c=IN IP4 192.0.2.100\r\n"
            + "t=0 0\r\n"
            + "m=audio 20000 RTP/AVP 0 101\r\n"
            + "a=rtpmap:0 PCMU/8000\r\n"
            + "a=rtpmap:101 telephone-event/8000\r\n"
            + "a=fmtp:101 0-15\r\n"
            + "a=ptime:20\r\n"
            + "a=sendrecv\r\n");
  }

  @Test
  void theOfferersOrderDecidesNotOurs() throws Exception {
    // We list PCMA first; baresip offers PCMU first: RFC 3264 §6.1, we follow the offerer.
    OfferAnswer.Answer a = OfferAnswer.answer(SdpFiles.parse("baresip-offer.sdp"), List.of(AudioFormat.PCMA, AudioFormat.PCMU), US, 20000, 1);
    assertThat(a.negotiated().encodingName()).isEqualTo("PCMU");
  }

  @Test
  void answersLinphoneWithTheTelephoneEventOfTheCodecsRate() throws Exception {
    OfferAnswer.Answer a = answer("linphone-offer.sdp");
    NegotiatedAudio n = a.negotiated();
    assertThat(n.payloadType()).isZero();
    assertThat(n.telephoneEventPayloadType()).as("telephone-event/8000 is 100, not 101 (48 kHz)").isEqualTo(100);
    assertThat(n.remotePort()).isEqualTo(32000);
    MediaDescription m = audioOf(a.sdp());
    assertThat(m.formats()).containsExactly("0", "100");
    assertThat(m.fmtp(100)).as("no fmtp offered: the RFC 4733 default").isEqualTo("0-15");
  }

  @Test
  void sippsOfferHasNoTelephoneEvent() throws Exception {
    OfferAnswer.Answer a = answer("sipp-offer.sdp");
    assertThat(a.negotiated().telephoneEventPayloadType()).isEqualTo(-1);
    assertThat(audioOf(a.sdp()).formats()).containsExactly("0");
  }

  @Test
  void staticTypesWithoutRtpmapAreUnderstood() throws Exception {
    NegotiatedAudio n = answer("static-without-rtpmap.sdp").negotiated();
    assertThat(n.encodingName()).isEqualTo("PCMA");
    assertThat(n.payloadType()).isEqualTo(8);
    assertThat(n.remoteAddress()).isEqualTo("192.0.2.7");
  }

  @Test
  void dynamicPayloadTypesAndNameCaseAreTheOfferers() throws Exception {
    OfferAnswer.Answer a = answer("dynamic-lowercase-pcmu.sdp");
    assertThat(a.negotiated().payloadType()).isEqualTo(112);
    assertThat(a.negotiated().telephoneEventPayloadType()).isEqualTo(113);
    MediaDescription m = audioOf(a.sdp());
    assertThat(m.rtpMap(112)).isEqualTo(new RtpMap(112, "pcmu", 8000));
    assertThat(m.fmtp(113)).isEqualTo("0-11");
  }

  @Test
  void holdWithSendonlyIsAnsweredRecvonly() throws Exception {
    OfferAnswer.Answer a = answer("hold-sendonly.sdp");
    assertThat(a.negotiated().direction()).isEqualTo(Direction.RECVONLY);
    assertThat(a.sdp()).contains("a=recvonly\r\n").doesNotContain("sendrecv");
  }

  @Test
  void inactiveStaysInactive() throws Exception {
    OfferAnswer.Answer a = answer("hold-inactive.sdp");
    assertThat(a.negotiated().direction()).isEqualTo(Direction.INACTIVE);
    assertThat(a.sdp()).contains("a=inactive\r\n");
  }

  @Test
  void recvonlyIsAnsweredSendonly() throws Exception {
    assertThat(answer("hold-recvonly.sdp").negotiated().direction()).isEqualTo(Direction.SENDONLY);
  }

  @Test
  void zeroConnectionAddressMeansWeMustNotSend() throws Exception {
    OfferAnswer.Answer a = answer("hold-rfc2543-zero-address.sdp");
    assertThat(a.negotiated().remoteAddress()).isEqualTo("0.0.0.0");
    assertThat(a.negotiated().direction()).isEqualTo(Direction.RECVONLY);
    assertThat(a.sdp()).contains("a=recvonly\r\n");
  }

  @Test
  void sessionLevelDirectionCounts() throws Exception {
    assertThat(answer("hold-session-level-sendonly.sdp").negotiated().direction()).isEqualTo(Direction.RECVONLY);
  }

  @Test
  void noCommonCodecIsAnException() {
    assertThatThrownBy(() -> answer("no-common-codec.sdp"))
        .isInstanceOf(NoCommonCodecException.class)
        .hasMessageContaining("G729/8000(18)")
        .hasMessageContaining("PCMU/8000");
  }

  @Test
  void secureRtpAloneIsNotAcceptable() {
    assertThatThrownBy(() -> answer("srtp-only.sdp")).isInstanceOf(NoCommonCodecException.class).hasMessageContaining("RTP/SAVP");
  }

  @Test
  void otherStreamsAreRejectedWithPortZeroInTheirPlace() throws Exception {
    OfferAnswer.Answer a = answer("audio-and-video.sdp");
    List<MediaDescription> media = SdpParser.parse(a.sdp()).media();
    assertThat(media).extracting(MediaDescription::media).containsExactly("video", "audio", "image");
    assertThat(media).extracting(MediaDescription::port).containsExactly(0, 20000, 0);
    assertThat(media.get(0).formats()).containsExactly("96");
    assertThat(media.get(2).formats()).containsExactly("t38");
    assertThat(a.negotiated().encodingName()).isEqualTo("PCMA");
    assertThat(a.negotiated().remotePort()).isEqualTo(5004);
  }

  @Test
  void aRejectedAudioStreamStaysRejectedAndTheNextIsTaken() throws Exception {
    OfferAnswer.Answer a = answer("two-audio-first-rejected.sdp");
    List<MediaDescription> media = SdpParser.parse(a.sdp()).media();
    assertThat(media).extracting(MediaDescription::port).containsExactly(0, 20000);
    assertThat(a.negotiated().remotePort()).isEqualTo(5006);
    assertThat(a.negotiated().ptimeMillis()).isEqualTo(30);
  }

  @Test
  void ptimeIsHonouredOnlyFor10to30() throws Exception {
    assertThat(answer("ptime-40.sdp").negotiated().ptimeMillis()).isEqualTo(20);
    assertThat(answer("ptime-40.sdp").sdp()).contains("a=ptime:20\r\n");
    assertThat(answer("ptime-10-rtcp-attribute.sdp").negotiated().ptimeMillis()).isEqualTo(10);
    assertThat(answer("sipp-offer.sdp").negotiated().ptimeMillis()).as("none offered").isEqualTo(20);
  }

  @Test
  void theRtcpAttributeGivesTheRtcpPort() throws Exception {
    NegotiatedAudio n = answer("ptime-10-rtcp-attribute.sdp").negotiated();
    assertThat(n.remoteAddress()).isEqualTo("192.0.2.36");
    assertThat(n.remoteRtcpPort()).isEqualTo(53021);
  }

  @Test
  void ipv6Addresses() throws Exception {
    OfferAnswer.Answer a = OfferAnswer.answer(SdpFiles.parse("ipv6.sdp"), G711, "::1", 20000, 5);
    assertThat(a.sdp()).contains("o=parley 5 1 IN IP6 ::1\r\n").contains("c=IN IP6 ::1\r\n");
    assertThat(a.negotiated().remoteAddress()).isEqualTo("::1");
  }

  @Test
  void anAnswerToAReinviteCarriesTheNextVersion() throws Exception {
    OfferAnswer.Answer a = OfferAnswer.answer(SdpFiles.parse("hold-sendonly.sdp"), G711, US, 20000, 99, 3);
    assertThat(a.sdp()).contains("o=parley 99 3 IN IP4 192.0.2.100\r\n");
  }

  @Test
  void ourOfferListsEveryCodecAndTelephoneEvent() throws Exception {
    String offer = OfferAnswer.offer(
        List.of(AudioFormat.PCMU, AudioFormat.PCMA, new AudioFormat("G722", 8000), new AudioFormat("opus", 48000)), US, 20000, 7, 2);
    SessionDescription sd = SdpParser.parse(offer);
    assertThat(sd.origin()).isEqualTo(new Origin("parley", "7", "2", "IN", "IP4", US));
    MediaDescription m = sd.media().getFirst();
    assertThat(m.port()).isEqualTo(20000);
    assertThat(m.formats()).containsExactly("0", "8", "9", "96", "101", "102");
    // RFC 7587 §7: always two channels in the rtpmap; RFC 4733 §7.1.1: events at each codec's clock.
    assertThat(m.rtpMap(96)).isEqualTo(new RtpMap(96, "opus", 48000, "2"));
    assertThat(m.rtpMap(101)).isEqualTo(new RtpMap(101, "telephone-event", 8000));
    assertThat(m.rtpMap(102)).isEqualTo(new RtpMap(102, "telephone-event", 48000));
    assertThat(m.fmtp(101)).isEqualTo("0-16");
    assertThat(m.ptimeMillis()).isEqualTo(20);
    assertThat(m.direction()).isEqualTo(Direction.SENDRECV);
  }

  @Test
  void dynamicNumbersSkipTheTelephoneEventNumber() throws Exception {
    List<AudioFormat> many = List.of(
        new AudioFormat("A", 8000), new AudioFormat("B", 8000), new AudioFormat("C", 8000), new AudioFormat("D", 8000),
        new AudioFormat("E", 8000), new AudioFormat("F", 8000));
    MediaDescription m = SdpParser.parse(OfferAnswer.offer(many, US, 20000, 1, 1)).media().getFirst();
    assertThat(m.formats()).containsExactly("96", "97", "98", "99", "100", "102", "101");
  }

  @Test
  void aWidebandRoomPrefersOpusThenG722WhateverTheOfferersOrder() throws Exception {
    List<AudioFormat> ours = List.of(AudioFormat.opus("maxplaybackrate=16000;stereo=0;useinbandfec=1"),
        AudioFormat.G722, AudioFormat.PCMU, AudioFormat.PCMA);
    List<AudioFormat> preferred = List.of(ours.get(0), AudioFormat.G722);
    String offer = sdp("m=audio 4000 RTP/AVP 0 9 111 101",
        "a=rtpmap:111 opus/48000/2", "a=fmtp:111 useinbandfec=1; maxplaybackrate=48000",
        "a=rtpmap:101 telephone-event/48000", "a=rtpmap:9 G722/8000");
    OfferAnswer.Answer a = OfferAnswer.answer(SdpParser.parse(offer), ours, preferred, US, 20000, 5, 1);
    assertThat(a.negotiated().encodingName()).isEqualTo("opus");
    assertThat(a.negotiated().fmtp()).isEqualTo("useinbandfec=1; maxplaybackrate=48000");
    assertThat(a.negotiated().telephoneEventPayloadType()).isEqualTo(101);
    MediaDescription m = SdpParser.parse(a.sdp()).media().getFirst();
    assertThat(m.formats()).containsExactly("111", "101");
    assertThat(m.fmtp(111)).as("our own fmtp, not an echo").isEqualTo("maxplaybackrate=16000;stereo=0;useinbandfec=1");

    String noOpus = sdp("m=audio 4000 RTP/AVP 0 9 101", "a=rtpmap:101 telephone-event/8000");
    OfferAnswer.Answer b = OfferAnswer.answer(SdpParser.parse(noOpus), ours, preferred, US, 20000, 5, 1);
    assertThat(b.negotiated().encodingName()).isEqualTo("G722");
    // RFC 3551 §4.5.2: G.722's clock is 8000, so its events are telephone-event/8000.
    assertThat(b.negotiated().telephoneEventPayloadType()).isEqualTo(101);

    String narrow = sdp("m=audio 4000 RTP/AVP 8 0");
    assertThat(OfferAnswer.answer(SdpParser.parse(narrow), ours, preferred, US, 20000, 5, 1).negotiated().encodingName())
        .as("among the rest the offerer's order").isEqualTo("PCMA");
  }

  @Test
  void opusEventsAt8000AreNotTakenForOpus() throws Exception {
    String offer = sdp("m=audio 4000 RTP/AVP 111 101", "a=rtpmap:111 opus/48000/2", "a=rtpmap:101 telephone-event/8000");
    OfferAnswer.Answer a = OfferAnswer.answer(SdpParser.parse(offer), List.of(AudioFormat.opus(null)), US, 20000, 5);
    assertThat(a.negotiated().telephoneEventPayloadType()).isEqualTo(-1);
  }

  @Test
  void applyingAnAnswerToOurOffer() throws Exception {
    // Our offer went out; the peer answered with PCMA and its telephone-event, holding us.
    String answer = "v=0\r\no=peer 1 1 IN IP4 192.0.2.50\r\ns=-\r\nc=IN IP4 192.0.2.50\r\nt=0 0\r\n"
        + "m=audio 7000 RTP/AVP 8 101\r\na=rtpmap:101 telephone-event/8000\r\na=ptime:30\r\na=sendonly\r\n";
    NegotiatedAudio n = OfferAnswer.applyAnswer(SdpParser.parse(answer), G711);
    assertThat(n).isEqualTo(new NegotiatedAudio("192.0.2.50", 7000, 7001, 8, "PCMA", 8000, 30, 101, Direction.RECVONLY));
  }

  @Test
  void anAnswerThatRejectsTheAudioIsNoAgreement() {
    String answer = "v=0\r\no=peer 1 1 IN IP4 192.0.2.50\r\ns=-\r\nc=IN IP4 192.0.2.50\r\nt=0 0\r\nm=audio 0 RTP/AVP 0\r\n";
    assertThatThrownBy(() -> OfferAnswer.applyAnswer(SdpParser.parse(answer), G711)).isInstanceOf(NoCommonCodecException.class);
  }

  @Test
  void offerAndAnswerMeet() throws Exception {
    String offer = OfferAnswer.offer(G711, US, 20000, 1, 1);
    OfferAnswer.Answer a = OfferAnswer.answer(SdpParser.parse(offer), G711, "192.0.2.9", 30000, 2);
    NegotiatedAudio ours = OfferAnswer.applyAnswer(SdpParser.parse(a.sdp()), G711);
    assertThat(ours.remotePort()).isEqualTo(30000);
    assertThat(ours.payloadType()).isEqualTo(a.negotiated().payloadType()).isZero();
    assertThat(ours.telephoneEventPayloadType()).isEqualTo(101);
    assertThat(ours.direction()).isEqualTo(Direction.SENDRECV);
  }

  @Test
  void monoL16IsTakenAtItsRateAndStereoL16IsNot() throws Exception {
    List<AudioFormat> ours = List.of(AudioFormat.PCMU, new AudioFormat("L16", 16000), new AudioFormat("L16", 8000));
    String offer = sdp("m=audio 4000 RTP/AVP 10 97 98", "a=rtpmap:97 L16/16000/1", "a=rtpmap:98 L16/8000");
    OfferAnswer.Answer a = OfferAnswer.answer(SdpParser.parse(offer), ours, US, 20000, 1);
    assertThat(a.negotiated().encodingName()).isEqualTo("L16");
    assertThat(a.negotiated().clockRateHz()).as("static 10 is stereo L16/8000: not ours").isEqualTo(16000);
    assertThat(a.negotiated().payloadType()).isEqualTo(97);
    assertThat(a.sdp()).contains("m=audio 20000 RTP/AVP 97\r\n").contains("a=rtpmap:97 L16/16000/1\r\n");
    assertThatThrownBy(() -> OfferAnswer.answer(SdpParser.parse(sdp("m=audio 4000 RTP/AVP 10")), ours, US, 20000, 1))
        .isInstanceOf(NoCommonCodecException.class);
  }

  @Test
  void comfortNoiseAtTheCodecsClockIsAccepted() throws Exception {
    String offer = sdp("m=audio 4000 RTP/AVP 0 13 118 101", "a=rtpmap:118 CN/16000", "a=rtpmap:101 telephone-event/8000");
    OfferAnswer.Answer a = OfferAnswer.answer(SdpParser.parse(offer), G711, US, 20000, 1);
    assertThat(a.negotiated().comfortNoisePayloadType()).isEqualTo(13);
    assertThat(a.sdp()).contains("m=audio 20000 RTP/AVP 0 13 101\r\n").contains("a=rtpmap:13 CN/8000\r\n")
        .doesNotContain("CN/16000");
    List<AudioFormat> wide = List.of(new AudioFormat("L16", 16000));
    String wideOffer = sdp("m=audio 4000 RTP/AVP 97 13 118", "a=rtpmap:97 L16/16000", "a=rtpmap:118 CN/16000");
    assertThat(OfferAnswer.answer(SdpParser.parse(wideOffer), wide, US, 20000, 1).negotiated().comfortNoisePayloadType())
        .as("dynamic CN at 16 kHz for a 16 kHz codec").isEqualTo(118);
    assertThat(OfferAnswer.answer(SdpParser.parse(sdp("m=audio 4000 RTP/AVP 0")), G711, US, 20000, 1)
        .negotiated().comfortNoisePayloadType()).isEqualTo(-1);
  }
}
