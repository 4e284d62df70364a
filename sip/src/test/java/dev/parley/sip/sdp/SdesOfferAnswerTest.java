package dev.parley.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SDES (RFC 4568) in offer/answer, under each {@link SrtpPolicy}. */
class SdesOfferAnswerTest {
  private static final List<AudioFormat> G711 = List.of(AudioFormat.PCMU, AudioFormat.PCMA);
  private static final String KEY80 = "WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz";
  private static final String KEY32 = "PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR";

  /** baresip's `mediaenc srtp-mand` offer: RTP/SAVP, the _32 suite first, then _80. */
  private static final String SAVP_OFFER = sdp(
      "m=audio 31000 RTP/SAVP 0 8 101",
      "a=rtpmap:101 telephone-event/8000",
      "a=crypto:1 AES_CM_128_HMAC_SHA1_32 inline:" + KEY32,
      "a=crypto:2 AES_CM_128_HMAC_SHA1_80 inline:" + KEY80);

  private static final String PLAIN_OFFER = sdp("m=audio 31000 RTP/AVP 0 8 101", "a=rtpmap:101 telephone-event/8000");

  private static String sdp(String... mediaLines) {
    return "v=0\r\no=peer 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
        + String.join("\r\n", mediaLines) + "\r\n";
  }

  private static OfferAnswer.Answer answer(String offer, Sdes sdes) throws Exception {
    return OfferAnswer.answer(SdpParser.parse(offer), G711, List.of(), "127.0.0.1", 20000, 7, 1, sdes);
  }

  @Test
  void aRequiredRoomAnswersSavpWithOurKeyUnderTheOffersFirstTag() throws Exception {
    Sdes sdes = new Sdes(SrtpPolicy.REQUIRED);
    OfferAnswer.Answer a = answer(SAVP_OFFER, sdes);
    assertThat(a.sdp()).contains("m=audio 20000 RTP/SAVP 0 101\r\n");
    NegotiatedSrtp srtp = a.negotiated().srtp();
    assertThat(srtp.suite()).isEqualTo("AES_CM_128_HMAC_SHA1_32");
    assertThat(srtp.theirKeyAndSalt()).isEqualTo(Base64.getDecoder().decode(KEY32));
    String ours = Base64.getEncoder().encodeToString(srtp.ourKeyAndSalt());
    assertThat(a.sdp()).contains("a=crypto:1 AES_CM_128_HMAC_SHA1_32 inline:" + ours + "\r\n");
    assertThat(a.sdp()).doesNotContain(KEY32).doesNotContain("a=crypto:2");
    // A re-INVITE's answer announces the same key, so the stream keeps its SRTP state.
    assertThat(answer(SAVP_OFFER, sdes).negotiated().srtp()).isEqualTo(srtp);
  }

  @Test
  void aPlainOfferToARequiredRoomIsRefusedWithTheReason() {
    assertThatThrownBy(() -> answer(PLAIN_OFFER, new Sdes(SrtpPolicy.REQUIRED)))
        .isInstanceOf(NoCommonCodecException.class)
        .hasMessageContaining("this room requires SRTP")
        .hasMessageContaining("RTP/AVP");
  }

  @Test
  void anOptionalRoomTakesSrtpWhenOfferedAndPlainOtherwise() throws Exception {
    Sdes sdes = new Sdes(SrtpPolicy.OPTIONAL);
    assertThat(answer(SAVP_OFFER, sdes).negotiated().srtp()).isNotNull();
    OfferAnswer.Answer plain = answer(PLAIN_OFFER, sdes);
    assertThat(plain.negotiated().srtp()).isNull();
    assertThat(plain.sdp()).contains("RTP/AVP").doesNotContain("a=crypto");
  }

  @Test
  void bestEffortCryptoOnAvpIsTakenWhereSrtpIsAllowedAndIgnoredWhereItIsOff() throws Exception {
    String bestEffort = sdp(
        "m=audio 31000 RTP/AVP 0", "a=crypto:5 AES_CM_128_HMAC_SHA1_80 inline:" + KEY80);
    OfferAnswer.Answer taken = answer(bestEffort, new Sdes(SrtpPolicy.REQUIRED));
    assertThat(taken.negotiated().srtp().suite()).isEqualTo("AES_CM_128_HMAC_SHA1_80");
    assertThat(taken.sdp()).contains("m=audio 20000 RTP/AVP 0\r\n").contains("a=crypto:5 AES_CM_128_HMAC_SHA1_80 inline:");
    OfferAnswer.Answer off = answer(bestEffort, new Sdes(SrtpPolicy.OFF));
    assertThat(off.negotiated().srtp()).isNull();
    assertThat(off.sdp()).doesNotContain("a=crypto");
  }

  @Test
  void anOffRoomRefusesASavpOnlyOfferButTakesItsPlainAlternative() throws Exception {
    assertThatThrownBy(() -> answer(SAVP_OFFER, new Sdes(SrtpPolicy.OFF)))
        .isInstanceOf(NoCommonCodecException.class)
        .hasMessageContaining("SRTP is off in this room and the offer is RTP/SAVP only");
    String both = SAVP_OFFER + "m=audio 31002 RTP/AVP 0\r\n";
    OfferAnswer.Answer a = answer(both, new Sdes(SrtpPolicy.OFF));
    assertThat(a.sdp()).contains("m=audio 0 RTP/SAVP").contains("m=audio 20000 RTP/AVP 0");
    assertThat(a.negotiated().srtp()).isNull();
  }

  @Test
  void cryptoLinesWeCannotUseAreSkipped() throws Exception {
    String offer = sdp(
        "m=audio 31000 RTP/SAVP 0",
        "a=crypto:1 AES_256_CM_HMAC_SHA1_80 inline:" + KEY80 + KEY80,
        "a=crypto:2 AES_CM_128_HMAC_SHA1_80 inline:" + KEY80 + "|2^20|1:4",
        "a=crypto:3 AES_CM_128_HMAC_SHA1_80 inline:" + KEY80 + " UNENCRYPTED_SRTP",
        "a=crypto:4 AES_CM_128_HMAC_SHA1_80 inline:c2hvcnQ=",
        "a=crypto:5 AES_CM_128_HMAC_SHA1_80 inline:" + KEY80 + "|2^31");
    OfferAnswer.Answer a = answer(offer, new Sdes(SrtpPolicy.REQUIRED));
    assertThat(a.sdp()).contains("a=crypto:5 AES_CM_128_HMAC_SHA1_80 inline:");
    assertThatThrownBy(() -> answer(sdp("m=audio 31000 RTP/SAVP 0", "a=crypto:2 AES_CM_128_HMAC_SHA1_80 inline:"
        + KEY80 + "|2^20|1:4"), new Sdes(SrtpPolicy.REQUIRED)))
        .isInstanceOf(NoCommonCodecException.class);
  }

  @Test
  void aRequiredRoomOffersSavpAndTakesTheAnswersKey() throws Exception {
    Sdes sdes = new Sdes(SrtpPolicy.REQUIRED);
    String offer = offerWithBothSuites(sdes, "m=audio 20000 RTP/SAVP 0 8 101");
    String answer = sdp("m=audio 31000 RTP/SAVP 0", "a=crypto:2 AES_CM_128_HMAC_SHA1_32 inline:" + KEY32);
    NegotiatedAudio n = OfferAnswer.applyAnswer(SdpParser.parse(answer), G711, sdes);
    assertThat(n.srtp().suite()).isEqualTo("AES_CM_128_HMAC_SHA1_32");
    assertThat(n.srtp().theirKeyAndSalt()).isEqualTo(Base64.getDecoder().decode(KEY32));
    assertThat(offer).contains(Base64.getEncoder().encodeToString(n.srtp().ourKeyAndSalt()));
  }

  /** Our offer under {@code sdes}: {@code mLine}, then one crypto line per suite we speak. */
  private static String offerWithBothSuites(Sdes sdes, String mLine) {
    String offer = OfferAnswer.offer(G711, "127.0.0.1", 20000, 7, 1, sdes);
    assertThat(offer).contains(mLine + "\r\n")
        .contains("a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:")
        .contains("a=crypto:2 AES_CM_128_HMAC_SHA1_32 inline:");
    return offer;
  }

  @Test
  void aRequiredOfferRefusesAnswersWithoutAMatchingCryptoLineAndSaysWhy() {
    Sdes sdes = new Sdes(SrtpPolicy.REQUIRED);
    // An answer in the clear to our SRTP offer is not taken.
    assertThatThrownBy(() -> OfferAnswer.applyAnswer(SdpParser.parse(PLAIN_OFFER), G711, sdes))
        .hasMessageContaining("SRTP is required and the answer has no a=crypto line")
        .hasMessageContaining("1 AES_CM_128_HMAC_SHA1_80, 2 AES_CM_128_HMAC_SHA1_32");
    // Tag 7 is none of ours (RFC 4568 §5.1.3: the answer repeats the tag it accepts).
    String wrongTag = sdp("m=audio 31000 RTP/SAVP 0", "a=crypto:7 AES_CM_128_HMAC_SHA1_80 inline:" + KEY80);
    assertThatThrownBy(() -> OfferAnswer.applyAnswer(SdpParser.parse(wrongTag), G711, sdes))
        .hasMessageContaining("accepts none of ours");
  }

  @Test
  void anOptionalOfferIsBestEffortCryptoOnAvpAndTakesAKeyedOrAPlainAnswer() throws Exception {
    Sdes sdes = new Sdes(SrtpPolicy.OPTIONAL);
    offerWithBothSuites(sdes, "m=audio 20000 RTP/AVP 0 8 101");
    String keyed = sdp("m=audio 31000 RTP/AVP 0", "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY80);
    NegotiatedAudio secure = OfferAnswer.applyAnswer(SdpParser.parse(keyed), G711, sdes);
    assertThat(secure.srtp().suite()).isEqualTo("AES_CM_128_HMAC_SHA1_80");
    assertThat(secure.srtp().theirKeyAndSalt()).isEqualTo(Base64.getDecoder().decode(KEY80));
    assertThat(OfferAnswer.applyAnswer(SdpParser.parse(PLAIN_OFFER), G711, sdes).srtp()).isNull();
    // A crypto line we cannot match means the peer encrypts: taking it as plain would be noise both ways.
    String mki = sdp("m=audio 31000 RTP/AVP 0", "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY80 + "|2^20|1:4");
    assertThatThrownBy(() -> OfferAnswer.applyAnswer(SdpParser.parse(mki), G711, sdes))
        .isInstanceOf(NoCommonCodecException.class).hasMessageContaining("accepts none of ours");
  }

  @Test
  void anOffOfferHasNoCryptoAndIgnoresAnAnswersKey() throws Exception {
    Sdes sdes = new Sdes(SrtpPolicy.OFF);
    assertThat(OfferAnswer.offer(G711, "127.0.0.1", 20000, 7, 1, sdes)).contains("RTP/AVP").doesNotContain("a=crypto");
    String keyed = sdp("m=audio 31000 RTP/AVP 0", "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY80);
    assertThat(OfferAnswer.applyAnswer(SdpParser.parse(keyed), G711, sdes).srtp()).isNull();
  }

  @Test
  void keysNeverShowInToString() {
    SdesCrypto c = SdesCrypto.parse("1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY80);
    assertThat(c.toString()).doesNotContain(KEY80);
    assertThat(new NegotiatedSrtp("AES_CM_128_HMAC_SHA1_80", new byte[30], c.keyAndSalt()).toString())
        .doesNotContain(KEY80);
  }
}
