package dev.parley.sip.sdp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * RFC 3264 offer/answer for one bidirectional audio stream over RTP ({@code RTP/AVP}, or {@code
 * RTP/AVPF} answered in kind) or SRTP keyed by SDES (RFC 4568: {@code RTP/SAVP}/{@code RTP/SAVPF}, or
 * {@code a=crypto} on {@code RTP/AVP} as best-effort peers offer it), as the room's {@link Sdes}
 * policy allows. Without an {@link Sdes} argument the policy is {@code OFF}: plain RTP only.
 */
public final class OfferAnswer {
  private OfferAnswer() {}

  /** RFC 4733 named telephone events. */
  static final String TELEPHONE_EVENT = "telephone-event";

  /** RFC 3389 comfort noise. */
  static final String COMFORT_NOISE = "CN";

  /** The payload type we offer telephone-event with (the common choice; any number works, RFC 4733). */
  static final int OUR_TELEPHONE_EVENT_PT = 101;

  /** telephone-event/48000 for Opus: RFC 4733 §7.1.1 wants the event clock to be the codec's. */
  static final int OUR_TELEPHONE_EVENT_48K_PT = 102;

  /** Default and allowed packet times (ms). */
  static final int DEFAULT_PTIME = 20;

  /** Our answer and what it agreed. */
  public record Answer(String sdp, NegotiatedAudio negotiated) {
    public Answer {
      Objects.requireNonNull(sdp, "sdp");
      Objects.requireNonNull(negotiated, "negotiated");
    }
  }

  /**
   * Answers a remote offer (RFC 3264 §6). The first audio RTP stream with a codec we support is
   * accepted; every other stream is rejected with port 0, keeping the number and order of {@code m=}
   * lines (§6). Among the offered codecs we take the first in the <em>offerer's</em> order that we
   * support (§6.1 lets the answerer choose; following the offerer's preference is the polite choice).
   * telephone-event at the codec's clock rate is kept with the offerer's payload type number. ptime
   * is the offer's if 10, 20 or 30, else 20. The direction mirrors the offer's (sendonly becomes
   * recvonly, recvonly sendonly, inactive stays); a connection address of {@code 0.0.0.0} (RFC 2543
   * hold) means we must not send.
   *
   * @param supported our codecs; their order does not matter here
   * @param sessionId our {@code o=} session id
   * @return the answer with {@code o=} version 1; use the overload with a version for re-INVITEs
   * @throws NoCommonCodecException if no audio stream can be accepted (the server answers 488)
   */
  public static Answer answer(
      SessionDescription offer, List<AudioFormat> supported, String localAddress, int localRtpPort, long sessionId)
      throws NoCommonCodecException {
    return answer(offer, supported, localAddress, localRtpPort, sessionId, 1);
  }

  /**
   * {@link #answer(SessionDescription, List, String, int, long)} with an explicit {@code o=} version:
   * every new SDP we send in a session must increment it by one (RFC 3264 §8), answers to re-INVITEs
   * included.
   */
  public static Answer answer(
      SessionDescription offer,
      List<AudioFormat> supported,
      String localAddress,
      int localRtpPort,
      long sessionId,
      long sessionVersion)
      throws NoCommonCodecException {
    return answer(offer, supported, List.of(), localAddress, localRtpPort, sessionId, sessionVersion);
  }

  /**
   * {@link #answer(SessionDescription, List, String, int, long, long)}, but the first of {@code
   * preferred} that the offer lists wins over the offerer's order (a wideband room takes Opus or G.722
   * when offered, whatever came first); without any of them, the offerer's order decides as before.
   * Where a supported format carries an fmtp, the answer gives ours for it instead of echoing the offer's.
   */
  public static Answer answer(
      SessionDescription offer,
      List<AudioFormat> supported,
      List<AudioFormat> preferred,
      String localAddress,
      int localRtpPort,
      long sessionId,
      long sessionVersion)
      throws NoCommonCodecException {
    return answer(offer, supported, preferred, localAddress, localRtpPort, sessionId, sessionVersion, Sdes.plain());
  }

  /**
   * The full answer: codecs as above, and SRTP as {@code sdes} allows. An audio stream is taken when
   * its profile and crypto suit the policy: {@code REQUIRED} takes only streams with an {@code
   * a=crypto} line we speak (the first such, in the offerer's order) and answers it with our key
   * under the offer's tag (RFC 4568 §5.1.2); {@code OPTIONAL} takes such a stream with SRTP and a
   * plain one without; {@code OFF} takes plain {@code RTP/AVP} only, ignoring its crypto lines.
   *
   * @throws NoCommonCodecException when nothing can be taken, with the reason (SRTP policy or codecs)
   */
  public static Answer answer(
      SessionDescription offer,
      List<AudioFormat> supported,
      List<AudioFormat> preferred,
      String localAddress,
      int localRtpPort,
      long sessionId,
      long sessionVersion,
      Sdes sdes)
      throws NoCommonCodecException {
    List<MediaDescription> answered = new ArrayList<>(offer.media().size());
    NegotiatedAudio chosen = null;
    for (MediaDescription m : offer.media()) {
      NegotiatedAudio n = chosen == null ? accept(offer, m, supported, preferred, sdes) : null;
      if (n == null) {
        answered.add(rejected(m));
        continue;
      }
      chosen = n;
      answered.add(answerMedia(m, n, localRtpPort, supported));
    }
    if (chosen == null) {
      throw new NoCommonCodecException(refusal(offer, supported, preferred, sdes));
    }
    SessionDescription sd =
        new SessionDescription(
            0, Origin.of(sessionId, sessionVersion, localAddress), "Parley", localAddress, "0 0", null, List.of(),
            answered);
    return new Answer(SdpWriter.write(sd), chosen);
  }

  /**
   * Our offer, for a delayed-offer INVITE (offer in our 200) or a re-INVITE without SDP: every
   * supported codec in the given order (static payload types where RFC 3551 has one, dynamic from 96
   * otherwise) with its fmtp, telephone-event/8000 as 101 with events 0-16 and, when a codec has the
   * 48000 clock (Opus), telephone-event/48000 as 102 too (RFC 4733 §7.1.1), ptime 20, sendrecv.
   */
  public static String offer(
      List<AudioFormat> supported, String localAddress, int localRtpPort, long sessionId, int sessionVersion) {
    return offer(supported, localAddress, localRtpPort, sessionId, sessionVersion, Sdes.plain());
  }

  /**
   * Our offer with SRTP as the policy asks: {@code REQUIRED} offers {@code RTP/SAVP} with one {@code
   * a=crypto} line per suite we speak; {@code OPTIONAL} offers the same crypto lines on {@code RTP/AVP}
   * (best-effort SRTP: a peer that speaks SDES answers with a key, one that does not ignores the lines
   * and answers plain; RFC 5939 capability negotiation would be the standard way, but few peers
   * implement it); {@code OFF} offers plain {@code RTP/AVP}.
   */
  public static String offer(
      List<AudioFormat> supported, String localAddress, int localRtpPort, long sessionId, int sessionVersion,
      Sdes sdes) {
    if (supported.isEmpty()) throw new IllegalArgumentException("no codecs to offer");
    List<String> formats = new ArrayList<>();
    List<RtpMap> maps = new ArrayList<>();
    Map<String, String> fmtp = new LinkedHashMap<>();
    int nextDynamic = 96;
    boolean wideClock = supported.stream().anyMatch(f -> f.clockRateHz() == 48000);
    for (AudioFormat f : supported) {
      int pt = StaticPayloadTypes.of(f);
      if (pt < 0) {
        while (nextDynamic == OUR_TELEPHONE_EVENT_PT || (wideClock && nextDynamic == OUR_TELEPHONE_EVENT_48K_PT)) {
          nextDynamic++;
        }
        pt = nextDynamic++;
      }
      formats.add(Integer.toString(pt));
      maps.add(new RtpMap(pt, f.encodingName(), f.clockRateHz(), f.encodingParameters()));
      if (f.fmtp() != null) fmtp.put(Integer.toString(pt), f.fmtp());
    }
    formats.add(Integer.toString(OUR_TELEPHONE_EVENT_PT));
    maps.add(new RtpMap(OUR_TELEPHONE_EVENT_PT, TELEPHONE_EVENT, 8000));
    fmtp.put(Integer.toString(OUR_TELEPHONE_EVENT_PT), "0-16");
    if (wideClock) {
      formats.add(Integer.toString(OUR_TELEPHONE_EVENT_48K_PT));
      maps.add(new RtpMap(OUR_TELEPHONE_EVENT_48K_PT, TELEPHONE_EVENT, 48000));
      fmtp.put(Integer.toString(OUR_TELEPHONE_EVENT_48K_PT), "0-16");
    }
    boolean secure = sdes.policy() == SrtpPolicy.REQUIRED;
    List<Attribute> crypto = new ArrayList<>();
    if (sdes.policy() != SrtpPolicy.OFF) {
      for (SdesCrypto c : sdes.offerLines()) crypto.add(new Attribute("crypto", c.value()));
    }
    MediaDescription audio =
        new MediaDescription(
            "audio", localRtpPort, 1, secure ? "RTP/SAVP" : "RTP/AVP", formats, null, maps, fmtp, DEFAULT_PTIME,
            Direction.SENDRECV, -1, crypto);
    SessionDescription sd =
        new SessionDescription(
            0, Origin.of(sessionId, sessionVersion, localAddress), "Parley", localAddress, "0 0", null, List.of(),
            List.of(audio));
    return SdpWriter.write(sd);
  }

  /**
   * Applies the peer's answer to our offer (RFC 3264 §7): the first accepted audio RTP stream, the
   * first of its codecs we support, its telephone-event, its ptime (10/20/30, else 20), and our
   * direction mirrored from its own.
   *
   * @throws NoCommonCodecException if the answer rejects the audio or lists no codec we support
   */
  public static NegotiatedAudio applyAnswer(SessionDescription answer, List<AudioFormat> supported)
      throws NoCommonCodecException {
    return applyAnswer(answer, supported, Sdes.plain());
  }

  /**
   * {@link #applyAnswer(SessionDescription, List)} for an offer made with {@code sdes}. When we offered
   * crypto lines ({@code REQUIRED} or {@code OPTIONAL}), an answer that accepts SRTP must do so with a
   * crypto line whose tag and suite are one of ours (RFC 4568 §5.1.3); the key in it is the peer's. A
   * {@code REQUIRED} offer takes no answer without one; an {@code OPTIONAL} one takes a plain answer
   * (no crypto line at all) as plain RTP, never one whose crypto line we cannot match, since the peer
   * would then encrypt what we read in the clear.
   *
   * @throws NoCommonCodecException naming why: no codec we support, or (SRTP) no crypto line that
   *     accepts one of ours
   */
  public static NegotiatedAudio applyAnswer(SessionDescription answer, List<AudioFormat> supported, Sdes sdes)
      throws NoCommonCodecException {
    // OFF offered no crypto line: one in the answer is the peer's mistake and is ignored.
    Sdes offered = sdes.policy() == SrtpPolicy.OFF ? Sdes.plain() : sdes;
    for (MediaDescription m : answer.media()) {
      NegotiatedAudio n = accept(answer, m, supported, List.of(), offered);
      if (n == null) continue;
      if (offered.policy() == SrtpPolicy.OFF) return n;
      if (n.srtp() != null ? matchesOurOffer(m, sdes) : !hasCryptoLine(m)) return n;
    }
    throw new NoCommonCodecException(answerRefusal(answer, supported, offered));
  }

  /** Why {@link #applyAnswer(SessionDescription, List, Sdes)} took nothing, for the log and the invite's failure. */
  private static String answerRefusal(SessionDescription answer, List<AudioFormat> supported, Sdes sdes) {
    boolean codecFits = false;
    boolean crypto = false;
    for (MediaDescription m : answer.media()) {
      if (m.port() == 0 || !m.media().equalsIgnoreCase("audio")) continue;
      if ((isPlainRtp(m.proto()) || isSecureRtp(m.proto())) && acceptCodec(answer, m, supported, List.of()) != null) {
        codecFits = true;
        crypto |= hasCryptoLine(m);
      }
    }
    if (!codecFits || sdes.policy() == SrtpPolicy.OFF) {
      return "the answer accepts no audio codec we support: " + describe(answer);
    }
    StringJoiner ours = new StringJoiner(", ");
    for (SdesCrypto c : sdes.offerLines()) ours.add(c.tag() + " " + c.suite());
    if (!crypto) {
      return "SRTP is required and the answer has no a=crypto line (we offered " + ours + "): answered "
          + describe(answer);
    }
    return "the answer's a=crypto line accepts none of ours (we offered " + ours + "; MKI and session parameters "
        + "are not supported): answered " + describe(answer);
  }

  private static boolean hasCryptoLine(MediaDescription m) {
    for (Attribute a : m.otherAttributes()) if (a.name().equalsIgnoreCase("crypto")) return true;
    return false;
  }

  /** What we would agree for this media section, or {@code null} if we cannot take it. */
  private static NegotiatedAudio accept(
      SessionDescription sd, MediaDescription m, List<AudioFormat> supported, List<AudioFormat> preferred,
      Sdes sdes) {
    if (m.port() == 0 || !m.media().equalsIgnoreCase("audio")) return null;
    boolean secureProfile = isSecureRtp(m.proto());
    if (!secureProfile && !isPlainRtp(m.proto())) return null;
    SdesCrypto crypto = sdes.policy() == SrtpPolicy.OFF ? null : firstUsableCrypto(m);
    if (secureProfile && crypto == null) return null; // RTP/SAVP without a key we can use, or SRTP off
    if (crypto == null && sdes.policy() == SrtpPolicy.REQUIRED) return null; // never a silent fallback
    NegotiatedAudio n = acceptCodec(sd, m, supported, preferred);
    if (n == null || crypto == null) return n;
    NegotiatedSrtp srtp = new NegotiatedSrtp(crypto.suite(), sdes.ourKey(crypto.suite()), crypto.keyAndSalt());
    return new NegotiatedAudio(
        n.remoteAddress(), n.remotePort(), n.remoteRtcpPort(), n.payloadType(), n.encodingName(), n.clockRateHz(),
        n.ptimeMillis(), n.telephoneEventPayloadType(), n.direction(), n.fmtp(), srtp, n.comfortNoisePayloadType());
  }

  /** The first {@code a=crypto} line we can use, in the offerer's order of preference. */
  private static SdesCrypto firstUsableCrypto(MediaDescription m) {
    for (Attribute a : m.otherAttributes()) {
      if (a.name().equalsIgnoreCase("crypto")) {
        SdesCrypto c = SdesCrypto.parse(a.value());
        if (c != null) return c;
      }
    }
    return null;
  }

  /** The tag of the answer's crypto line, looked up among the lines of our offer. */
  private static boolean matchesOurOffer(MediaDescription m, Sdes sdes) {
    SdesCrypto theirs = firstUsableCrypto(m);
    if (theirs == null) return false;
    for (SdesCrypto ours : sdes.offerLines()) {
      if (ours.tag() == theirs.tag() && ours.suite().equals(theirs.suite())) return true;
    }
    return false;
  }

  /** Why nothing was taken, for the 488 and the log. */
  private static String refusal(
      SessionDescription offer, List<AudioFormat> supported, List<AudioFormat> preferred, Sdes sdes) {
    boolean codecFits = false;
    boolean anySecure = false;
    for (MediaDescription m : offer.media()) {
      if (m.port() == 0 || !m.media().equalsIgnoreCase("audio")) continue;
      anySecure |= isSecureRtp(m.proto());
      codecFits |= (isPlainRtp(m.proto()) || isSecureRtp(m.proto())) && acceptCodec(offer, m, supported, preferred) != null;
    }
    if (codecFits && sdes.policy() == SrtpPolicy.REQUIRED) {
      return "this room requires SRTP: the offer has no a=crypto line with " + String.join(" or ", SdesCrypto.SUITES)
          + " (no MKI, no session parameters): offered " + describe(offer);
    }
    if (codecFits && anySecure && sdes.policy() == SrtpPolicy.OFF) {
      return "SRTP is off in this room and the offer is RTP/SAVP only: offered " + describe(offer);
    }
    if (codecFits) {
      return "no usable a=crypto line on the RTP/SAVP stream: offered " + describe(offer);
    }
    return "no common audio codec: offered " + describe(offer) + "; we support " + supported;
  }

  /** The codec part of {@link #accept}: payload types, telephone-event, ptime, direction. */
  private static NegotiatedAudio acceptCodec(
      SessionDescription sd, MediaDescription m, List<AudioFormat> supported, List<AudioFormat> preferred) {
    RtpMap codec = null;
    for (AudioFormat f : preferred) {
      for (int pt : m.payloadTypes()) {
        RtpMap map = m.rtpMap(pt);
        if (codec == null && map != null && map.matches(f) && supported.stream().anyMatch(map::matches)) codec = map;
      }
    }
    for (int pt : m.payloadTypes()) {
      if (codec != null) break;
      RtpMap map = m.rtpMap(pt);
      if (map != null && supported.stream().anyMatch(map::matches)) {
        codec = map;
        break;
      }
    }
    if (codec == null) return null;
    int telephoneEvent = -1;
    for (int pt : m.payloadTypes()) {
      RtpMap map = m.rtpMap(pt);
      // RFC 4733 §7.1.1: the event clock must be the audio codec's.
      if (map != null && map.encodingName().equalsIgnoreCase(TELEPHONE_EVENT) && map.clockRateHz() == codec.clockRateHz()) {
        telephoneEvent = pt;
        break;
      }
    }
    int comfortNoise = -1;
    for (int pt : m.payloadTypes()) {
      RtpMap map = m.rtpMap(pt);
      // RFC 3389 §5: CN runs on the audio's clock (13 is CN/8000, the others dynamic).
      if (map != null && map.encodingName().equalsIgnoreCase(COMFORT_NOISE) && map.clockRateHz() == codec.clockRateHz()) {
        comfortNoise = pt;
        break;
      }
    }
    String address = sd.connectionFor(m);
    Direction ours = sd.directionOf(m).mirror();
    if (Addresses.isHoldAddress(address)) ours = ours.withoutSending();
    int ptime = m.ptimeMillis() == 10 || m.ptimeMillis() == 20 || m.ptimeMillis() == 30 ? m.ptimeMillis() : DEFAULT_PTIME;
    int rtcp = m.rtcpPort() > 0 ? m.rtcpPort() : m.port() + 1;
    return new NegotiatedAudio(
        address, m.port(), rtcp, codec.payloadType(), codec.encodingName(), codec.clockRateHz(), ptime, telephoneEvent,
        ours, m.fmtp(codec.payloadType()), comfortNoise);
  }

  private static MediaDescription answerMedia(
      MediaDescription offered, NegotiatedAudio n, int localRtpPort, List<AudioFormat> supported) {
    List<String> formats = new ArrayList<>();
    List<RtpMap> maps = new ArrayList<>();
    Map<String, String> fmtp = new LinkedHashMap<>();
    String codecPt = Integer.toString(n.payloadType());
    formats.add(codecPt);
    maps.add(offered.rtpMap(n.payloadType()));
    String ourFmtp = null;
    for (AudioFormat f : supported) {
      if (f.fmtp() != null && offered.rtpMap(n.payloadType()).matches(f)) ourFmtp = f.fmtp();
    }
    if (ourFmtp != null) fmtp.put(codecPt, ourFmtp);
    else if (offered.fmtp().containsKey(codecPt)) fmtp.put(codecPt, offered.fmtp().get(codecPt));
    if (n.comfortNoisePayloadType() >= 0) {
      formats.add(Integer.toString(n.comfortNoisePayloadType()));
      maps.add(offered.rtpMap(n.comfortNoisePayloadType()));
    }
    if (n.telephoneEventPayloadType() >= 0) {
      String te = Integer.toString(n.telephoneEventPayloadType());
      formats.add(te);
      maps.add(offered.rtpMap(n.telephoneEventPayloadType()));
      fmtp.put(te, offered.fmtp().getOrDefault(te, "0-15"));
    }
    List<Attribute> crypto = new ArrayList<>();
    if (n.srtp() != null) {
      SdesCrypto accepted = firstUsableCrypto(offered);
      crypto.add(new Attribute("crypto", new SdesCrypto(accepted.tag(), n.srtp().suite(), n.srtp().ourKeyAndSalt()).value()));
    }
    return new MediaDescription(
        "audio", localRtpPort, 1, offered.proto(), formats, null, maps, fmtp, n.ptimeMillis(), n.direction(), -1,
        crypto);
  }

  /** A stream we do not take: port 0, the offered formats (RFC 3264 §6 needs at least one). */
  private static MediaDescription rejected(MediaDescription m) {
    return new MediaDescription(
        m.media(), 0, 1, m.proto(), m.formats(), null, List.of(), Map.of(), -1, null, -1, List.of());
  }

  private static boolean isSecureRtp(String proto) {
    String p = proto.toUpperCase(Locale.ROOT);
    return p.equals("RTP/SAVP") || p.equals("RTP/SAVPF");
  }

  private static boolean isPlainRtp(String proto) {
    String p = proto.toUpperCase(Locale.ROOT);
    return p.equals("RTP/AVP") || p.equals("RTP/AVPF");
  }

  private static String describe(SessionDescription sd) {
    StringJoiner out = new StringJoiner("; ");
    for (MediaDescription m : sd.media()) {
      StringJoiner codecs = new StringJoiner(" ");
      for (int pt : m.payloadTypes()) {
        RtpMap map = m.rtpMap(pt);
        codecs.add(map == null ? pt + "(?)" : map.encodingName() + "/" + map.clockRateHz() + "(" + pt + ")");
      }
      out.add(m.media() + " " + m.port() + " " + m.proto() + " [" + codecs + "]");
    }
    return out.length() == 0 ? "no media" : out.toString();
  }
}
