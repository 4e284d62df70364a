package dev.parley.media.codec;

/**
 * A stateless sample-based audio codec as named in an SDP {@code a=rtpmap} line (G.711): it is its
 * own encoder and decoder for every stream.
 *
 * <p>Contract: implementations are stateless and thread-safe, so one instance serves every member and
 * thread. Samples are 16-bit signed linear PCM at {@link #clockRateHz()}. Neither method keeps a
 * reference to the arrays passed in, and neither allocates: both run once per packet on the media path.
 */
public interface AudioCodec extends AudioEncoder, AudioDecoder {
  /** The encoding name as it appears in SDP rtpmap, e.g. {@code "PCMU"}. */
  String encodingName();

  /** The RTP clock rate, which for the G.711 codecs is also the sample rate. */
  int clockRateHz();

  /**
   * Decodes {@code len} payload bytes from {@code in[off..off+len)} into {@code out} starting at
   * {@code outOff}.
   *
   * @return the number of samples written
   */
  @Override
  int decode(byte[] in, int off, int len, short[] out, int outOff);

  /**
   * Encodes {@code count} samples from {@code in[off..off+count)} into {@code out} starting at
   * {@code outOff}.
   *
   * @return the number of bytes written
   */
  @Override
  int encode(short[] in, int off, int count, byte[] out, int outOff);
}
