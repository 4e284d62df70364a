package dev.parley.sip.sdp;

import java.util.Objects;

/**
 * An audio encoding we can handle, as SDP names it: encoding name and RTP clock rate, e.g. {@code
 * PCMU/8000}. Names compare case-insensitively (RFC 4855 §3).
 *
 * @param fmtp the {@code a=fmtp} value we put in our SDP for it (what we ask of the peer's stream), or
 *     null; it plays no part in matching
 */
public record AudioFormat(String encodingName, int clockRateHz, String fmtp) {
  public AudioFormat {
    Objects.requireNonNull(encodingName, "encodingName");
    if (encodingName.isBlank()) throw new IllegalArgumentException("encoding name is blank");
    if (clockRateHz <= 0) throw new IllegalArgumentException("clock rate " + clockRateHz);
  }

  public AudioFormat(String encodingName, int clockRateHz) {
    this(encodingName, clockRateHz, null);
  }

  /** G.722, static payload type 9, whose clock is 8000 although it samples at 16000 (RFC 3551 §4.5.2). */
  public static final AudioFormat G722 = new AudioFormat("G722", 8000);

  /** Opus with our fmtp (RFC 7587 §6.1). */
  public static AudioFormat opus(String fmtp) {
    return new AudioFormat("opus", 48000, fmtp);
  }

  /**
   * The rtpmap encoding parameters (channels) to write: RFC 7587 §7 makes Opus {@code opus/48000/2}
   * whatever is sent; none for the others (one channel).
   */
  String encodingParameters() {
    return encodingName.equalsIgnoreCase("opus") ? "2" : null;
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
