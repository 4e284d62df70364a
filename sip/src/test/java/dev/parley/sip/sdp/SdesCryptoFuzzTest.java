package dev.parley.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testkit.fuzz.Fuzzer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Mutated {@code a=crypto} values (RFC 4568 §9.1) through {@link SdesCrypto#parse}, then inside an
 * SDP offer and an answer through offer/answer under each SRTP policy, as a caller's INVITE or a
 * called party's 200 brings them. The parser gives null or a line we can use (known suite, 30-byte
 * key, tag in range) that writes back to itself; offer/answer lets only {@link SdpException} and
 * {@link NoCommonCodecException} out, and an SRTP answer repeats the offered line's tag. The corpus
 * ({@code SdesCryptoFuzzTestInputs/}) holds both suites, lifetimes, an MKI, two keys, session
 * parameters and an unknown suite.
 */
class SdesCryptoFuzzTest {
  private static final int MAX_BODY_BYTES = 16 * 1024;
  private static final List<AudioFormat> G711 = List.of(AudioFormat.PCMU, AudioFormat.PCMA);
  private int agreed;
  private final List<Sdes> policies = List.of(new Sdes(SrtpPolicy.REQUIRED), new Sdes(SrtpPolicy.OPTIONAL));

  @Test
  void anyCryptoValueIsUsableOrSkipped() {
    Fuzzer.forCorpusOf(SdesCryptoFuzzTest.class)
        .dictionary(List.of("inline:", "|", "2^20", "2^31", "1:4", ";", " ", "AES_CM_128_HMAC_SHA1_80",
            "AES_CM_128_HMAC_SHA1_32", "UNENCRYPTED_SRTP", "KDR=1", "=", "==", "\r\n", "a=crypto:"))
        .rounds(6_000)
        .run(this::parseAndNegotiate);
    assertThat(agreed).as("offers answered with SRTP").isPositive();
  }

  private void parseAndNegotiate(byte[] input) {
    // No longer than a body the SIP layer lets through (RequestChecks answers 413 above 16 KiB).
    String value = new String(input, 0, Math.min(input.length, MAX_BODY_BYTES), StandardCharsets.UTF_8);
    SdesCrypto c = SdesCrypto.parse(value);
    if (c != null) {
      check(c.tag() >= 0 && c.tag() <= 999_999_999, "tag " + c.tag());
      check(SdesCrypto.SUITES.contains(c.suite()), "suite " + c.suite());
      check(c.keyAndSalt().length == SdesCrypto.KEY_AND_SALT_BYTES, "key of " + c.keyAndSalt().length + " bytes");
      check(c.equals(SdesCrypto.parse(c.value())), "written back as " + c.value());
    }
    for (String proto : List.of("RTP/SAVP", "RTP/AVP")) {
      SessionDescription sd;
      try {
        sd = SdpParser.parse("v=0\r\no=peer 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=audio 31000 " + proto + " 0 8\r\na=crypto:" + value + "\r\n");
      } catch (SdpException refused) {
        continue; // a value with line breaks or worse: the whole body is refused with 400
      }
      // A value with a line break is several SDP lines: which crypto line is first is the SDP's business.
      boolean oneLine = value.indexOf('\r') < 0 && value.indexOf('\n') < 0;
      for (Sdes sdes : policies) negotiate(sd, sdes, oneLine, c);
    }
  }

  private void negotiate(SessionDescription sd, Sdes sdes, boolean oneLine, SdesCrypto parsed) {
    try {
      OfferAnswer.Answer a = OfferAnswer.answer(sd, G711, List.of(), "127.0.0.1", 20000, 7, 1, sdes);
      if (a.negotiated().srtp() != null) agreed++;
      if (oneLine && a.negotiated().srtp() != null) {
        check(parsed != null, "SRTP agreed on a line the parser skips");
        check(a.sdp().contains("a=crypto:" + parsed.tag() + " " + parsed.suite() + " inline:"), "answer " + a.sdp());
      }
    } catch (NoCommonCodecException refused) {
      // answered 488
    }
    try {
      OfferAnswer.applyAnswer(sd, G711, sdes);
    } catch (NoCommonCodecException refused) {
      // the call we placed is hung up
    }
  }

  private static void check(boolean ok, String what) {
    if (!ok) throw new AssertionError(what);
  }
}
