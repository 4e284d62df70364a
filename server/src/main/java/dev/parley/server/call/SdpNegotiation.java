package dev.parley.server.call;

import dev.parley.sip.sdp.AudioFormat;
import dev.parley.sip.sdp.NegotiatedAudio;
import dev.parley.sip.sdp.OfferAnswer;
import dev.parley.sip.sdp.SdpParser;
import dev.parley.sip.sdp.SessionDescription;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** SDP offer/answer for one call, with the codecs the media engine supports. */
final class SdpNegotiation {
  static final List<AudioFormat> SUPPORTED =
      List.of(new AudioFormat("PCMU", 8000), new AudioFormat("PCMA", 8000));

  private final String localAddress;
  private final long sessionId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
  private int version = 1;

  SdpNegotiation(String localAddress) {
    this.localAddress = localAddress;
  }

  /** The answer, or a problem and the SIP status that goes with it. */
  record Result(String answer, NegotiatedAudio negotiated, int status, String problem) {}

  Result answer(String offerSdp, int localPort) {
    SessionDescription offer;
    try {
      offer = SdpParser.parse(offerSdp);
    } catch (Exception e) {
      return new Result(null, null, 400, "malformed SDP: " + e.getMessage());
    }
    try {
      OfferAnswer.Answer a = OfferAnswer.answer(offer, SUPPORTED, localAddress, localPort, sessionId);
      return new Result(a.sdp(), a.negotiated(), 200, null);
    } catch (Exception e) {
      return new Result(null, null, 488, "no common codec: " + e.getMessage());
    }
  }

  String offer(int localPort) {
    return OfferAnswer.offer(SUPPORTED, localAddress, localPort, sessionId, version++);
  }

  NegotiatedAudio applyAnswer(String answerSdp) {
    try {
      return OfferAnswer.applyAnswer(SdpParser.parse(answerSdp), SUPPORTED);
    } catch (Exception e) {
      return null;
    }
  }
}
