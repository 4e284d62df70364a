package dev.parley.sip.sdp;

import java.util.Locale;

/**
 * What a room asks of media security (profile key {@code srtp}). {@code REQUIRED}: only SRTP, a plain
 * offer is refused (488), never answered in the clear. {@code OPTIONAL}: SRTP when the offer has a
 * crypto line we speak, plain RTP otherwise. {@code OFF}: plain RTP only; crypto lines are ignored on
 * {@code RTP/AVP} and an {@code RTP/SAVP} stream is rejected.
 */
public enum SrtpPolicy {
  REQUIRED,
  OPTIONAL,
  OFF;

  /** The policy for a config value ({@code required|optional|off}), or {@code null} if unknown. */
  public static SrtpPolicy parse(String value) {
    if (value == null) return null;
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "required" -> REQUIRED;
      case "optional" -> OPTIONAL;
      case "off" -> OFF;
      default -> null;
    };
  }
}
