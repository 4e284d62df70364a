package dev.parley.sip.sdp;

import java.util.List;
import java.util.Objects;

/**
 * A parsed session description (RFC 4566): the lines this server uses, modelled; other attributes
 * kept as {@link Attribute}s; {@code i= u= e= p= b= z= k= r=} lines are read and dropped.
 *
 * @param connectionAddress the session-level {@code c=} address, or {@code null}
 * @param timing the first {@code t=} value, e.g. {@code 0 0}
 * @param direction the session-level direction attribute, or {@code null}
 * @param attributes the other session-level {@code a=} lines, in order
 * @param media the media sections in order
 */
public record SessionDescription(
    int version,
    Origin origin,
    String sessionName,
    String connectionAddress,
    String timing,
    Direction direction,
    List<Attribute> attributes,
    List<MediaDescription> media) {

  public SessionDescription {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(sessionName, "sessionName");
    Objects.requireNonNull(timing, "timing");
    attributes = List.copyOf(attributes);
    media = List.copyOf(media);
  }

  /** The connection address that applies to a media section: its own, else the session's. */
  public String connectionFor(MediaDescription m) {
    return m.connectionAddress() != null ? m.connectionAddress() : connectionAddress;
  }

  /** The direction that applies to a media section: its own, else the session's, else sendrecv. */
  public Direction directionOf(MediaDescription m) {
    if (m.direction() != null) return m.direction();
    return direction != null ? direction : Direction.SENDRECV;
  }
}
