package dev.parley.media.codec;

import java.util.Locale;

/**
 * The Opus {@code a=fmtp} parameters of RFC 7587 §6.1 that shape what we send: each states what the
 * <em>receiver</em> of our stream prefers. Unknown parameters and unparsable values are ignored (the
 * defaults below are RFC 7587's), since §6.1 makes them all optional.
 *
 * @param maxPlaybackRateHz the most the peer will play back (default 48000); we need not code more
 * @param maxAverageBitrate the peer's ceiling in bit/s (6000..510000), or 0 for none
 * @param stereo whether the peer wants stereo (we always send mono: a conference mix is mono)
 * @param inbandFec the peer can use in-band FEC, so sending it is worth the bits
 * @param dtx the peer accepts discontinuous transmission
 * @param cbr the peer asks for constant bitrate
 */
public record OpusFmtp(
    int maxPlaybackRateHz, int maxAverageBitrate, boolean stereo, boolean inbandFec, boolean dtx, boolean cbr) {

  public static final OpusFmtp DEFAULTS = new OpusFmtp(48000, 0, false, false, false, false);

  /** Parses {@code key=value; key=value}; null or blank gives {@link #DEFAULTS}. */
  public static OpusFmtp parse(String fmtp) {
    if (fmtp == null || fmtp.isBlank()) return DEFAULTS;
    int maxPlayback = 48000, maxBitrate = 0;
    boolean stereo = false, fec = false, dtx = false, cbr = false;
    for (String part : fmtp.split(";")) {
      int eq = part.indexOf('=');
      if (eq < 0) continue;
      String key = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      String value = part.substring(eq + 1).strip();
      switch (key) {
        case "maxplaybackrate" -> maxPlayback = number(value, 8000, 48000, maxPlayback);
        case "maxaveragebitrate" -> maxBitrate = number(value, 6000, 510000, maxBitrate);
        case "stereo" -> stereo = value.equals("1");
        case "useinbandfec" -> fec = value.equals("1");
        case "usedtx" -> dtx = value.equals("1");
        case "cbr" -> cbr = value.equals("1");
        default -> {
          // sprop-* describe the peer's own sending, ptime/minptime/maxptime are hints (§6.1): not ours to obey
        }
      }
    }
    return new OpusFmtp(maxPlayback, maxBitrate, stereo, fec, dtx, cbr);
  }

  /**
   * What we ask of a peer sending to a room at {@code roomRateHz} (RFC 7587 §6.1): mono, FEC (we
   * decode it), nothing above the room's rate since the mix would drop it.
   */
  public static String ours(int roomRateHz) {
    return "maxplaybackrate=" + roomRateHz + ";sprop-maxcapturerate=" + roomRateHz
        + ";stereo=0;sprop-stereo=0;useinbandfec=1";
  }

  private static int number(String value, int min, int max, int fallback) {
    try {
      int v = Integer.parseInt(value);
      return v < min || v > max ? fallback : v;
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
