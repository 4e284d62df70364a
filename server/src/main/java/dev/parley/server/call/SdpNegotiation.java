package dev.parley.server.call;

import dev.parley.media.codec.OpusFmtp;
import dev.parley.media.engine.RoomMediaSpec;
import dev.parley.sip.sdp.AudioFormat;
import dev.parley.sip.sdp.NegotiatedAudio;
import dev.parley.sip.sdp.OfferAnswer;
import dev.parley.sip.sdp.Sdes;
import dev.parley.sip.sdp.SdpParser;
import dev.parley.sip.sdp.SessionDescription;
import dev.parley.sip.sdp.SrtpPolicy;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * SDP offer/answer for one call, with the codecs the media engine supports in the member's room: Opus
 * (RFC 7587, with our fmtp), G.722 and G.711 everywhere, except Opus in 30 ms rooms (Opus has no 30 ms
 * frame). Rooms mixing at 16000 or 48000 Hz take Opus, then G.722, whenever offered; 8000 Hz rooms
 * follow the offerer's order, since nothing above 4 kHz would survive the mix anyway. L16 (mono, at
 * 8000, 16000 and 48000 Hz) is taken when offered, after the compressed codecs: it is lossless but
 * costs 256 to 768 kbit/s.
 */
final class SdpNegotiation {
  /** G.711 only: what an 8000 Hz room has always offered and what callers of the old constructor get. */
  static final List<AudioFormat> SUPPORTED =
      List.of(new AudioFormat("PCMU", 8000), new AudioFormat("PCMA", 8000));

  /** RFC 3551 §4.5.11 L16, mono (dynamic payload types: the static 10 and 11 are stereo and 44.1 kHz). */
  static final AudioFormat L16_8000 = new AudioFormat("L16", 8000);
  static final AudioFormat L16_16000 = new AudioFormat("L16", 16000);
  static final AudioFormat L16_48000 = new AudioFormat("L16", 48000);

  private final List<AudioFormat> supported;
  private final List<AudioFormat> preferred;
  private final String localAddress;
  /** The room's SRTP policy and our SDES keys, the same for every offer and answer of the call. */
  private final Sdes sdes;
  private final long sessionId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
  private int version = 1;

  SdpNegotiation(String localAddress) {
    this(localAddress, Sdes.plain());
  }

  /** G.711 only (what calls we place offer), with SRTP as {@code sdes} says. */
  SdpNegotiation(String localAddress, Sdes sdes) {
    this.localAddress = localAddress;
    this.supported = SUPPORTED;
    this.preferred = List.of();
    this.sdes = sdes;
  }

  SdpNegotiation(String localAddress, RoomMediaSpec room) {
    this(localAddress, room, Sdes.plain());
  }

  SdpNegotiation(String localAddress, RoomMediaSpec room, Sdes sdes) {
    this.localAddress = localAddress;
    this.sdes = sdes;
    boolean wideband = room.rateHz() > 8000;
    AudioFormat opus = AudioFormat.opus(OpusFmtp.ours(room.rateHz()));
    boolean opusFits = room.intervalMillis() != 30;
    if (wideband) {
      this.supported = opusFits
          ? List.of(opus, AudioFormat.G722, AudioFormat.PCMU, AudioFormat.PCMA, L16_16000, L16_48000, L16_8000)
          : List.of(AudioFormat.G722, AudioFormat.PCMU, AudioFormat.PCMA, L16_16000, L16_48000, L16_8000);
      this.preferred = opusFits ? List.of(opus, AudioFormat.G722) : List.of(AudioFormat.G722);
    } else {
      // Our own offers (calling out) stay G.711 first in narrowband rooms.
      this.supported = opusFits
          ? List.of(AudioFormat.PCMU, AudioFormat.PCMA, AudioFormat.G722, opus, L16_8000, L16_16000, L16_48000)
          : List.of(AudioFormat.PCMU, AudioFormat.PCMA, AudioFormat.G722, L16_8000, L16_16000, L16_48000);
      this.preferred = List.of();
    }
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
      OfferAnswer.Answer a = OfferAnswer.answer(offer, supported, preferred, localAddress, localPort, sessionId, 1, sdes);
      return new Result(a.sdp(), a.negotiated(), 200, null);
    } catch (Exception e) {
      return new Result(null, null, 488, e.getMessage());
    }
  }

  String offer(int localPort) {
    return OfferAnswer.offer(supported, localAddress, localPort, sessionId, version++, sdes);
  }

  NegotiatedAudio applyAnswer(String answerSdp) {
    return apply(answerSdp).negotiated();
  }

  /** The peer's answer to our offer, or why it cannot be used (no common codec, no SRTP key we offered). */
  record Applied(NegotiatedAudio negotiated, String problem) {}

  Applied apply(String answerSdp) {
    try {
      return new Applied(OfferAnswer.applyAnswer(SdpParser.parse(answerSdp), supported, sdes), null);
    } catch (Exception e) {
      return new Applied(null, e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }

  /** The SRTP policy of this call's offers and answers. */
  SrtpPolicy srtp() {
    return sdes.policy();
  }
}
