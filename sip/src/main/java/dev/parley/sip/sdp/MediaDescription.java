package dev.parley.sip.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One media section: the {@code m=} line and what follows it up to the next (RFC 4566 §5.14).
 *
 * @param media {@code audio}, {@code video}, {@code image}...
 * @param port the transport port; 0 means the stream is rejected or disabled (RFC 3264 §5.1)
 * @param portCount the {@code /n} after the port, 1 when absent
 * @param proto e.g. {@code RTP/AVP}
 * @param formats the format tokens in the offerer's order of preference; for RTP, payload types
 * @param connectionAddress the media-level {@code c=} address (TTL and count stripped), or {@code
 *     null} to use the session's
 * @param rtpMaps the {@code a=rtpmap} lines in the order given
 * @param fmtp {@code a=fmtp} parameters by format token
 * @param ptimeMillis {@code a=ptime}, or -1 when absent
 * @param direction the media-level direction attribute, or {@code null} when absent (then the
 *     session's applies, see {@link SessionDescription#directionOf})
 * @param rtcpPort {@code a=rtcp} port (RFC 3605), or -1 when absent; its optional address is not kept
 * @param otherAttributes every other {@code a=} line, in order
 */
public record MediaDescription(
    String media,
    int port,
    int portCount,
    String proto,
    List<String> formats,
    String connectionAddress,
    List<RtpMap> rtpMaps,
    Map<String, String> fmtp,
    int ptimeMillis,
    Direction direction,
    int rtcpPort,
    List<Attribute> otherAttributes) {

  public MediaDescription {
    Objects.requireNonNull(media, "media");
    Objects.requireNonNull(proto, "proto");
    if (port < 0 || port > 65535) throw new IllegalArgumentException("port " + port);
    if (portCount < 1) throw new IllegalArgumentException("port count " + portCount);
    formats = List.copyOf(formats);
    if (formats.isEmpty()) throw new IllegalArgumentException("no formats");
    rtpMaps = List.copyOf(rtpMaps);
    fmtp = Map.copyOf(fmtp);
    otherAttributes = List.copyOf(otherAttributes);
  }

  /** Whether this is an RTP stream ({@code RTP/AVP}, {@code RTP/SAVP}, {@code RTP/AVPF}...). */
  public boolean isRtp() {
    return proto.toUpperCase(java.util.Locale.ROOT).startsWith("RTP/");
  }

  /** The numeric formats (payload types) in order; non-numeric tokens are skipped. */
  public List<Integer> payloadTypes() {
    List<Integer> out = new ArrayList<>(formats.size());
    for (String f : formats) {
      try {
        out.add(Integer.parseInt(f));
      } catch (NumberFormatException notRtp) {
        // not a payload type (e.g. "t38"); nothing to list
      }
    }
    return out;
  }

  /**
   * The encoding of a payload type: its rtpmap, or for a static type without one the RFC 3551
   * assignment; {@code null} when unknown (a dynamic type needs an rtpmap, RFC 4566 §6).
   */
  public RtpMap rtpMap(int payloadType) {
    for (RtpMap m : rtpMaps) {
      if (m.payloadType() == payloadType) return m;
    }
    return StaticPayloadTypes.lookup(payloadType);
  }

  /** The fmtp parameters of a payload type, or {@code null}. */
  public String fmtp(int payloadType) {
    return fmtp.get(Integer.toString(payloadType));
  }

  /** The same section with another port, e.g. 0 to reject it in an answer. */
  public MediaDescription withPort(int newPort) {
    return new MediaDescription(
        media, newPort, portCount, proto, formats, connectionAddress, rtpMaps, fmtp, ptimeMillis, direction, rtcpPort,
        otherAttributes);
  }
}
