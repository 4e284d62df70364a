package dev.parley.sip.sdp;

/**
 * Media direction attributes (RFC 3264 §5.1), always from the point of view of the side that writes
 * them: {@code sendonly} in a peer's SDP means the peer sends and we only receive.
 */
public enum Direction {
  SENDRECV("sendrecv"),
  SENDONLY("sendonly"),
  RECVONLY("recvonly"),
  INACTIVE("inactive");

  private final String attribute;

  Direction(String attribute) {
    this.attribute = attribute;
  }

  /** The SDP attribute name, e.g. {@code sendonly}. */
  public String attribute() {
    return attribute;
  }

  /** The direction for an attribute name (case-insensitive), or {@code null} if it is not one. */
  public static Direction fromAttribute(String name) {
    for (Direction d : values()) {
      if (d.attribute.equalsIgnoreCase(name)) return d;
    }
    return null;
  }

  /** The matching direction for the other side (RFC 3264 §6.1): sendonly and recvonly swap. */
  public Direction mirror() {
    return switch (this) {
      case SENDONLY -> RECVONLY;
      case RECVONLY -> SENDONLY;
      default -> this;
    };
  }

  /** Whether the side using this direction sends media. */
  public boolean sends() {
    return this == SENDRECV || this == SENDONLY;
  }

  /** Whether the side using this direction receives media. */
  public boolean receives() {
    return this == SENDRECV || this == RECVONLY;
  }

  /** This direction with sending taken away (sendrecv becomes recvonly, sendonly inactive). */
  public Direction withoutSending() {
    return receives() ? RECVONLY : INACTIVE;
  }
}
