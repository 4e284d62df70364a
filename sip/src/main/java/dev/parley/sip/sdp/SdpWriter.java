package dev.parley.sip.sdp;

import java.util.HashSet;
import java.util.Set;

/**
 * Writes a {@link SessionDescription} as SDP text with CRLF line ends, lines in the order RFC 4566
 * §5 requires. Inside a media section: rtpmap and fmtp per format in format order, then ptime, rtcp,
 * the other attributes, and the direction last.
 */
public final class SdpWriter {
  private SdpWriter() {}

  public static String write(SessionDescription sd) {
    StringBuilder out = new StringBuilder(512);
    line(out, "v=" + sd.version());
    Origin o = sd.origin();
    line(out, "o=" + o.username() + " " + o.sessionId() + " " + o.sessionVersion() + " " + o.netType() + " "
        + o.addressType() + " " + o.address());
    line(out, "s=" + (sd.sessionName().isEmpty() ? "-" : sd.sessionName()));
    if (sd.connectionAddress() != null) line(out, connection(sd.connectionAddress()));
    line(out, "t=" + sd.timing());
    for (Attribute a : sd.attributes()) line(out, "a=" + a.text());
    if (sd.direction() != null) line(out, "a=" + sd.direction().attribute());
    for (MediaDescription m : sd.media()) media(out, m);
    return out.toString();
  }

  private static void media(StringBuilder out, MediaDescription m) {
    StringBuilder ml = new StringBuilder("m=").append(m.media()).append(' ').append(m.port());
    if (m.portCount() > 1) ml.append('/').append(m.portCount());
    ml.append(' ').append(m.proto());
    for (String f : m.formats()) ml.append(' ').append(f);
    line(out, ml.toString());
    if (m.connectionAddress() != null) line(out, connection(m.connectionAddress()));
    Set<String> fmtpWritten = new HashSet<>();
    for (String f : m.formats()) {
      for (RtpMap r : m.rtpMaps()) {
        if (Integer.toString(r.payloadType()).equals(f)) line(out, "a=rtpmap:" + r.text());
      }
      String params = m.fmtp().get(f);
      if (params != null) {
        line(out, "a=fmtp:" + f + " " + params);
        fmtpWritten.add(f);
      }
    }
    m.fmtp().forEach((f, params) -> {
      if (!fmtpWritten.contains(f)) line(out, "a=fmtp:" + f + " " + params);
    });
    if (m.ptimeMillis() > 0) line(out, "a=ptime:" + m.ptimeMillis());
    if (m.rtcpPort() >= 0) line(out, "a=rtcp:" + m.rtcpPort());
    for (Attribute a : m.otherAttributes()) line(out, "a=" + a.text());
    if (m.direction() != null) line(out, "a=" + m.direction().attribute());
  }

  private static String connection(String address) {
    return "c=IN " + Addresses.type(address) + " " + address;
  }

  private static void line(StringBuilder out, String line) {
    out.append(line).append("\r\n");
  }
}
