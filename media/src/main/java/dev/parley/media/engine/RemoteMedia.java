package dev.parley.media.engine;

import java.net.InetSocketAddress;

/**
 * What signalling negotiated for a member's stream.
 *
 * @param address where to send RTP until symmetric RTP latches onto the real source; null = unknown
 * @param payloadType the audio payload type number both sides use
 * @param encodingName "PCMU" or "PCMA"
 * @param ptimeMillis packetisation of what we send: 10, 20 or 30
 * @param telephoneEventPayloadType RFC 4733 payload type, or -1
 * @param send we send the mix to the member (false while the member holds the call)
 * @param receive the member's audio is mixed (false while held)
 */
public record RemoteMedia(
    InetSocketAddress address,
    int payloadType,
    String encodingName,
    int ptimeMillis,
    int telephoneEventPayloadType,
    boolean send,
    boolean receive) {}
