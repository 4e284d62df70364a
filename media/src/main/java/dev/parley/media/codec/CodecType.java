package dev.parley.media.codec;

/**
 * A codec as SDP names it, how it puts audio on RTP, and a maker of per-stream encoders and decoders.
 * Immutable and shared; {@link #newEncoder}/{@link #newDecoder} run at call setup, never per packet.
 *
 * <p>Two rates matter and they differ for G.722 and Opus: {@link #clockRateHz()} is the RTP timestamp
 * clock (and the rtpmap rate), {@link #pcmRateHz(int)} the rate of the samples the encoder takes and
 * the decoder gives.
 */
public interface CodecType {
  /** The rtpmap encoding name, e.g. {@code G722}. */
  String encodingName();

  /** The RTP clock, which is what the rtpmap line says (8000 for G.722, 48000 for Opus). */
  int clockRateHz();

  /**
   * The PCM rate this codec works at in a room mixing at {@code roomRateHz}: fixed for G.711 (8000) and
   * G.722 (16000); Opus runs at the room's rate, since it encodes and decodes 8, 16 and 48 kHz natively.
   */
  int pcmRateHz(int roomRateHz);

  /**
   * True when a packet must carry whole encoded frames (Opus: one frame per packet here); false when
   * the bytes of consecutive encodes concatenate and can be cut into packets anywhere on a byte
   * boundary (G.711, G.722).
   */
  boolean frameBased();

  /** For a codec that is not frame based: the RTP timestamp ticks that {@code payloadBytes} span. */
  int rtpTicks(int payloadBytes);

  /**
   * A new encoder at {@code pcmRateHz}; {@code fmtp} is the peer's {@code a=fmtp} value for this
   * payload type (what it asks of what we send), or null.
   *
   * @throws IllegalArgumentException if this codec cannot work at that rate or frame
   */
  AudioEncoder newEncoder(int pcmRateHz, int frameSamples, String fmtp);

  /** A new decoder giving PCM at {@code pcmRateHz}. */
  AudioDecoder newDecoder(int pcmRateHz);
}
