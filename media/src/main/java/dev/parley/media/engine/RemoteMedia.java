package dev.parley.media.engine;

import dev.parley.media.srtp.SrtpKeyPair;
import java.net.InetSocketAddress;

/**
 * What signalling negotiated for a member's stream.
 *
 * @param address where to send RTP until symmetric RTP latches onto the real source; null = unknown
 * @param payloadType the audio payload type number both sides use
 * @param encodingName "PCMU", "PCMA", "G722" or "opus"
 * @param ptimeMillis packetisation of what we send: 10, 20 or 30
 * @param telephoneEventPayloadType RFC 4733 payload type, or -1
 * @param send we send the mix to the member (false while the member holds the call)
 * @param receive the member's audio is mixed (false while held)
 * @param fmtp the peer's {@code a=fmtp} value for the codec (what it asks of our stream), or null
 * @param srtp the SDES keys when the stream is SRTP (RFC 3711), or null for plain RTP
 * @param clockRateHz the rtpmap clock of the codec; 0 for the codec's usual one (L16 needs it: one name,
 *     three rates)
 * @param comfortNoisePayloadType RFC 3389 CN at the codec's clock, or -1 when not negotiated
 */
public record RemoteMedia(
    InetSocketAddress address,
    int payloadType,
    String encodingName,
    int ptimeMillis,
    int telephoneEventPayloadType,
    boolean send,
    boolean receive,
    String fmtp,
    SrtpKeyPair srtp,
    int clockRateHz,
    int comfortNoisePayloadType) {

  /** Plain RTP at the codec's usual clock, without CN. */
  public RemoteMedia(
      InetSocketAddress address, int payloadType, String encodingName, int ptimeMillis, int telephoneEventPayloadType,
      boolean send, boolean receive, String fmtp) {
    this(address, payloadType, encodingName, ptimeMillis, telephoneEventPayloadType, send, receive, fmtp, null, 0, -1);
  }

  /** SRTP (or plain with null) at the codec's usual clock, without CN. */
  public RemoteMedia(
      InetSocketAddress address, int payloadType, String encodingName, int ptimeMillis, int telephoneEventPayloadType,
      boolean send, boolean receive, String fmtp, SrtpKeyPair srtp) {
    this(address, payloadType, encodingName, ptimeMillis, telephoneEventPayloadType, send, receive, fmtp, srtp, 0, -1);
  }

  /** Plain RTP at the given clock, without CN. */
  public RemoteMedia(
      InetSocketAddress address, int payloadType, String encodingName, int ptimeMillis, int telephoneEventPayloadType,
      boolean send, boolean receive, String fmtp, int clockRateHz) {
    this(address, payloadType, encodingName, ptimeMillis, telephoneEventPayloadType, send, receive, fmtp, null,
        clockRateHz, -1);
  }

  /** Plain RTP at the given clock, with CN. */
  public RemoteMedia(
      InetSocketAddress address, int payloadType, String encodingName, int ptimeMillis, int telephoneEventPayloadType,
      boolean send, boolean receive, String fmtp, int clockRateHz, int comfortNoisePayloadType) {
    this(address, payloadType, encodingName, ptimeMillis, telephoneEventPayloadType, send, receive, fmtp, null,
        clockRateHz, comfortNoisePayloadType);
  }

  /** Without fmtp: G.711 and G.722 have none. */
  public RemoteMedia(
      InetSocketAddress address, int payloadType, String encodingName, int ptimeMillis, int telephoneEventPayloadType,
      boolean send, boolean receive) {
    this(address, payloadType, encodingName, ptimeMillis, telephoneEventPayloadType, send, receive, null);
  }
}
