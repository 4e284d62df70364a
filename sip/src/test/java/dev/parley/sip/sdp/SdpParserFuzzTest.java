package dev.parley.sip.sdp;

import dev.parley.testkit.fuzz.Fuzzer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Mutated SDP through the parser and, when it parses, through the answer and the writer, as an
 * INVITE's body goes. Only {@link SdpException} and {@link NoCommonCodecException} may come out.
 */
class SdpParserFuzzTest {
  private static final List<AudioFormat> ALL = List.of(AudioFormat.PCMU, AudioFormat.PCMA,
      new AudioFormat("G722", 8000), new AudioFormat("opus", 48000));

  @Test
  void anyBodyIsAnsweredOrRefusedWithOurExceptions() {
    Fuzzer.forCorpusOf(SdpParserFuzzTest.class)
        .alsoSeededFrom(SdpParserFuzzTest.class, "sdp")
        .alsoSeededFrom(SdpParserFuzzTest.class, "sdp/malformed")
        .dictionary(List.of("\r\n", "\n", "m=audio ", "m=video ", "c=IN IP4 ", "c=IN IP6 ", "a=rtpmap:", "a=fmtp:",
            "a=ptime:", "a=maxptime:", "a=sendonly", "a=inactive", "a=rtcp:", "telephone-event/8000", "opus/48000/2",
            "RTP/AVP ", "RTP/SAVP ", " 0-16", "/", "0.0.0.0", "::", "b=AS:", "t=0 0", "o=- 1 1 IN IP4 ", "v=0"))
        .rounds(12_000)
        .run(SdpParserFuzzTest::parseAndAnswer);
  }

  private static void parseAndAnswer(byte[] input) {
    SessionDescription sd;
    try {
      sd = SdpParser.parse(new String(input, StandardCharsets.UTF_8));
    } catch (SdpException refused) {
      return;
    }
    SdpWriter.write(sd);
    for (List<AudioFormat> ours : List.of(ALL, ALL.subList(0, 2))) {
      try {
        OfferAnswer.answer(sd, ours, "127.0.0.1", 20000, 1);
        OfferAnswer.applyAnswer(sd, ours);
      } catch (NoCommonCodecException refused) {
        // an offer we cannot take, or an answer we cannot apply: answered 488 or the call ends
      }
    }
  }
}
