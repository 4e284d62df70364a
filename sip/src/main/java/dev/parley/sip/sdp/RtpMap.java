package dev.parley.sip.sdp;

import java.util.Objects;

/**
 * An {@code a=rtpmap:} attribute (RFC 4566 §6): payload type to encoding name and clock rate.
 *
 * @param encodingParameters for audio the number of channels (e.g. {@code 2} in {@code
 *     opus/48000/2}), or {@code null} when absent
 */
public record RtpMap(int payloadType, String encodingName, int clockRateHz, String encodingParameters) {
  public RtpMap {
    if (payloadType < 0 || payloadType > 127) throw new IllegalArgumentException("payload type " + payloadType);
    Objects.requireNonNull(encodingName, "encodingName");
    if (clockRateHz <= 0) throw new IllegalArgumentException("clock rate " + clockRateHz);
  }

  public RtpMap(int payloadType, String encodingName, int clockRateHz) {
    this(payloadType, encodingName, clockRateHz, null);
  }

  /**
   * Whether this maps the given format (name case-insensitive, RFC 4855 §3; same clock rate). For L16
   * the channel count matters too: our L16 is mono, and stereo L16 (static type 10) is another format.
   */
  public boolean matches(AudioFormat format) {
    return encodingName.equalsIgnoreCase(format.encodingName()) && clockRateHz == format.clockRateHz()
        && !(encodingName.equalsIgnoreCase("L16") && encodingParameters != null && !encodingParameters.equals("1"));
  }

  /** The attribute value, e.g. {@code 0 PCMU/8000}. */
  String text() {
    return payloadType + " " + encodingName + "/" + clockRateHz + (encodingParameters == null ? "" : "/" + encodingParameters);
  }
}
