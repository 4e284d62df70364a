package dev.parley.sip.sdp;

import java.util.Objects;

/**
 * An audio encoding we can handle, as SDP names it: encoding name and RTP clock rate, e.g. {@code
 * PCMU/8000}. Names compare case-insensitively (RFC 4855 §3).
 */
public record AudioFormat(String encodingName, int clockRateHz) {
  public AudioFormat {
    Objects.requireNonNull(encodingName, "encodingName");
    if (encodingName.isBlank()) throw new IllegalArgumentException("encoding name is blank");
    if (clockRateHz <= 0) throw new IllegalArgumentException("clock rate " + clockRateHz);
  }

  /** G.711 mu-law, static payload type 0. */
  public static final AudioFormat PCMU = new AudioFormat("PCMU", 8000);

  /** G.711 A-law, static payload type 8. */
  public static final AudioFormat PCMA = new AudioFormat("PCMA", 8000);

  @Override
  public String toString() {
    return encodingName + "/" + clockRateHz;
  }
}
