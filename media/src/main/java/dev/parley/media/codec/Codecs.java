package dev.parley.media.codec;

/** Looks codecs up by their SDP encoding name. Thread-safe; called at call setup, not per packet. */
public final class Codecs {
  private static final AudioCodec[] ALL = {PcmuCodec.INSTANCE, PcmaCodec.INSTANCE};
  private static final CodecType[] TYPES = {
    new G711Type(PcmuCodec.INSTANCE), new G711Type(PcmaCodec.INSTANCE), G722Codec.INSTANCE, OpusCodec.INSTANCE,
    L16Codec.L16_8000
  };

  private Codecs() {}

  /**
   * The stateless codec for an rtpmap encoding name, compared case-insensitively as RFC 4855 §3 asks
   * for media subtype names.
   *
   * @return the shared instance, or null if the name is null or not a stateless codec (G.711) we implement
   */
  public static AudioCodec byName(String encodingName) {
    if (encodingName == null) return null;
    for (AudioCodec c : ALL) {
      if (c.encodingName().equalsIgnoreCase(encodingName)) return c;
    }
    return null;
  }

  /**
   * A codec by rtpmap encoding name and RTP clock: this is the lookup for L16, which has one entry per
   * rate; for the others the clock must be theirs.
   *
   * @return the shared instance, or null if unknown at that clock
   */
  public static CodecType type(String encodingName, int clockRateHz) {
    if ("L16".equalsIgnoreCase(encodingName)) return L16Codec.of(clockRateHz);
    CodecType t = type(encodingName);
    return t != null && t.clockRateHz() == clockRateHz ? t : null;
  }

  /**
   * Any codec we implement (G.711, G.722, Opus; L16 at 8000 Hz) by rtpmap encoding name, case-insensitively.
   *
   * @return the shared instance, or null if unknown
   */
  public static CodecType type(String encodingName) {
    if (encodingName == null) return null;
    for (CodecType t : TYPES) {
      if (t.encodingName().equalsIgnoreCase(encodingName)) return t;
    }
    return null;
  }
}
