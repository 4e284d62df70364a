package dev.parley.media.codec;

/** Looks codecs up by their SDP encoding name. Thread-safe; called at call setup, not per packet. */
public final class Codecs {
  private static final AudioCodec[] ALL = {PcmuCodec.INSTANCE, PcmaCodec.INSTANCE};

  private Codecs() {}

  /**
   * The codec for an rtpmap encoding name, compared case-insensitively as RFC 4855 §3 asks for media
   * subtype names.
   *
   * @return the shared instance, or null if the name is null or not a codec we implement
   */
  public static AudioCodec byName(String encodingName) {
    if (encodingName == null) return null;
    for (AudioCodec c : ALL) {
      if (c.encodingName().equalsIgnoreCase(encodingName)) return c;
    }
    return null;
  }
}
