package dev.parley.sip.sdp;

import java.util.Objects;

/**
 * The outcome of offer/answer for the audio stream: where to send, with which codec, and what we
 * may do.
 *
 * @param remoteAddress the peer's connection address ({@code 0.0.0.0} when it holds RFC 2543 style)
 * @param remotePort the peer's RTP port
 * @param remoteRtcpPort its {@code a=rtcp} port, else {@code remotePort + 1} (RFC 3605, RFC 3550 §11)
 * @param payloadType the payload type number both sides use for the codec (the offerer's number)
 * @param ptimeMillis packet time: 10, 20 or 30
 * @param telephoneEventPayloadType RFC 4733 payload type, or -1 if none was agreed
 * @param direction <em>our</em> direction: {@code RECVONLY} means we must not send (we are held)
 * @param fmtp the peer's {@code a=fmtp} value for the codec (its wishes for our stream), or null
 * @param srtp the SDES keys when the stream is SRTP, or null for plain RTP
 * @param comfortNoisePayloadType RFC 3389 CN at the codec's clock, or -1 if the offer had none
 */
public record NegotiatedAudio(
    String remoteAddress,
    int remotePort,
    int remoteRtcpPort,
    int payloadType,
    String encodingName,
    int clockRateHz,
    int ptimeMillis,
    int telephoneEventPayloadType,
    Direction direction,
    String fmtp,
    NegotiatedSrtp srtp,
    int comfortNoisePayloadType) {
  public NegotiatedAudio {
    Objects.requireNonNull(remoteAddress, "remoteAddress");
    Objects.requireNonNull(encodingName, "encodingName");
    Objects.requireNonNull(direction, "direction");
  }

  /** Plain RTP, without CN. */
  public NegotiatedAudio(
      String remoteAddress, int remotePort, int remoteRtcpPort, int payloadType, String encodingName, int clockRateHz,
      int ptimeMillis, int telephoneEventPayloadType, Direction direction, String fmtp) {
    this(remoteAddress, remotePort, remoteRtcpPort, payloadType, encodingName, clockRateHz, ptimeMillis,
        telephoneEventPayloadType, direction, fmtp, null, -1);
  }

  /** SRTP (or plain with null), without CN. */
  public NegotiatedAudio(
      String remoteAddress, int remotePort, int remoteRtcpPort, int payloadType, String encodingName, int clockRateHz,
      int ptimeMillis, int telephoneEventPayloadType, Direction direction, String fmtp, NegotiatedSrtp srtp) {
    this(remoteAddress, remotePort, remoteRtcpPort, payloadType, encodingName, clockRateHz, ptimeMillis,
        telephoneEventPayloadType, direction, fmtp, srtp, -1);
  }

  /** Plain RTP, with CN. */
  public NegotiatedAudio(
      String remoteAddress, int remotePort, int remoteRtcpPort, int payloadType, String encodingName, int clockRateHz,
      int ptimeMillis, int telephoneEventPayloadType, Direction direction, String fmtp, int comfortNoisePayloadType) {
    this(remoteAddress, remotePort, remoteRtcpPort, payloadType, encodingName, clockRateHz, ptimeMillis,
        telephoneEventPayloadType, direction, fmtp, null, comfortNoisePayloadType);
  }

  /** Without fmtp. */
  public NegotiatedAudio(
      String remoteAddress, int remotePort, int remoteRtcpPort, int payloadType, String encodingName, int clockRateHz,
      int ptimeMillis, int telephoneEventPayloadType, Direction direction) {
    this(remoteAddress, remotePort, remoteRtcpPort, payloadType, encodingName, clockRateHz, ptimeMillis,
        telephoneEventPayloadType, direction, null);
  }

  /** The codec as an {@link AudioFormat}. */
  public AudioFormat format() {
    return new AudioFormat(encodingName, clockRateHz);
  }
}
