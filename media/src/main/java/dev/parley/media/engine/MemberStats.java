package dev.parley.media.engine;

/**
 * Counters of one member's stream, written by its media thread only. Readers on other threads get
 * values that may be a tick old, which is all a status display needs.
 */
public final class MemberStats {
  volatile long packetsReceived;
  volatile long packetsSent;
  volatile long badPackets;
  volatile long foreignPackets;
  volatile long unknownPayloadPackets;
  volatile long eventPacketsReceived;
  volatile long eventPacketsSent;
  volatile long comfortNoisePacketsReceived;
  volatile long comfortNoisePacketsSent;

  /** RFC 3389 SID packets received (valid ones). */
  public long comfortNoisePacketsReceived() {
    return comfortNoisePacketsReceived;
  }

  /** RFC 3389 SID packets sent in place of silent audio; also in packetsSent. */
  public long comfortNoisePacketsSent() {
    return comfortNoisePacketsSent;
  }

  public long packetsReceived() {
    return packetsReceived;
  }

  public long packetsSent() {
    return packetsSent;
  }

  /** Datagrams on the RTP port that were not RTP (garbage, truncated, wrong version). */
  public long badPackets() {
    return badPackets;
  }

  /** Valid RTP from an address other than the one latched onto. */
  public long foreignPackets() {
    return foreignPackets;
  }

  /** RTP with a payload type that was not negotiated. */
  public long unknownPayloadPackets() {
    return unknownPayloadPackets;
  }

  /** RFC 4733 telephone-event packets received (each repeat counts). */
  public long eventPacketsReceived() {
    return eventPacketsReceived;
  }

  /** RFC 4733 telephone-event packets sent by {@link MemberMedia#sendDtmf}; also in packetsSent. */
  public long eventPacketsSent() {
    return eventPacketsSent;
  }
}
