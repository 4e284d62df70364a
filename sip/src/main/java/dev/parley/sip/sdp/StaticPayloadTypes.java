package dev.parley.sip.sdp;

import java.util.Map;

/**
 * Static audio payload types of RFC 3551 §6 (Table 4), which may be offered without an rtpmap.
 * G722 is registered at 8000 Hz although it samples at 16 kHz (RFC 3551 §4.5.2).
 */
final class StaticPayloadTypes {
  private StaticPayloadTypes() {}

  private static final Map<Integer, RtpMap> TABLE =
      Map.ofEntries(
          Map.entry(0, new RtpMap(0, "PCMU", 8000)),
          Map.entry(3, new RtpMap(3, "GSM", 8000)),
          Map.entry(4, new RtpMap(4, "G723", 8000)),
          Map.entry(5, new RtpMap(5, "DVI4", 8000)),
          Map.entry(6, new RtpMap(6, "DVI4", 16000)),
          Map.entry(7, new RtpMap(7, "LPC", 8000)),
          Map.entry(8, new RtpMap(8, "PCMA", 8000)),
          Map.entry(9, new RtpMap(9, "G722", 8000)),
          Map.entry(10, new RtpMap(10, "L16", 8000, "2")),
          Map.entry(11, new RtpMap(11, "L16", 44100)),
          Map.entry(12, new RtpMap(12, "QCELP", 8000)),
          Map.entry(13, new RtpMap(13, "CN", 8000)),
          Map.entry(15, new RtpMap(15, "G728", 8000)),
          Map.entry(18, new RtpMap(18, "G729", 8000)));

  /** The static assignment of a payload type, or {@code null} (dynamic or unassigned). */
  static RtpMap lookup(int payloadType) {
    return TABLE.get(payloadType);
  }

  /** The static payload type for a format, or -1 if it has none. */
  static int of(AudioFormat format) {
    for (RtpMap m : TABLE.values()) {
      if (m.encodingParameters() == null && m.matches(format)) return m.payloadType();
    }
    return -1;
  }
}
