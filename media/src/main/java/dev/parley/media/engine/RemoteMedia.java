package dev.parley.media.engine;

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
    int clockRateHz,
    int comfortNoisePayloadType) {

  public RemoteMedia(
      InetSocketAddress address, int payloadType, String encodingName, int ptimeMillis, int telephoneEventPayloadType,
      boolean send, boolean receive, String fmtp, int clockRateHz) {
    this(address, payloadType, encodingName, ptimeMillis, telephoneEventPayloadType, send, receive, fmtp, clockRateHz,
        -1);
  }

  public RemoteMedia(
      InetSocketAddress address, int payloadType, String encodingName, int ptimeMillis, int telephoneEventPayloadType,
      boolean send, boolean receive, String fmtp) {
    this(address, payloadType, encodingName, ptimeMillis, telephoneEventPayloadType, send, receive, fmtp, 0, -1);
  }

  /** Without fmtp: G.711 and G.722 have none. */
  public RemoteMedia(
      InetSocketAddress address, int payloadType, String encodingName, int ptimeMillis, int telephoneEventPayloadType,
      boolean send, boolean receive) {
    this(address, payloadType, encodingName, ptimeMillis, telephoneEventPayloadType, send, receive, null);
  }
}
