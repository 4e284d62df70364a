package dev.parley.media.codec;

/**
 * Decodes the RTP payloads of one incoming stream into 16-bit linear PCM. Same threading and
 * allocation contract as {@link AudioEncoder}.
 */
public interface AudioDecoder {
  /**
   * Decodes {@code len} payload bytes from {@code in[off..off+len)} into {@code out} from {@code outOff}.
   *
   * @return the number of samples written, or -1 if the payload is not valid for this codec
   */
  int decode(byte[] in, int off, int len, short[] out, int outOff);

  /**
   * Whether {@link #conceal} and {@link #recover} do better than the jitter buffer's own concealment
   * (a codec with a model of the signal: Opus). False for waveform codecs.
   */
  default boolean conceals() {
    return false;
  }

  /**
   * Packet loss concealment: {@code count} samples standing in for a lost packet, from the decoder's
   * model of the signal.
   *
   * @return samples written, 0 if the codec cannot conceal
   */
  default int conceal(short[] out, int outOff, int count) {
    return 0;
  }

  /**
   * Forward error correction: rebuilds the {@code count} samples of the packet lost just before
   * {@code in} from the redundancy that {@code in} carries (Opus in-band FEC, RFC 6716 §2.1.7); falls
   * back to {@link #conceal} when there is none.
   *
   * @return samples written, 0 if the codec cannot recover
   */
  default int recover(byte[] in, int off, int len, short[] out, int outOff, int count) {
    return 0;
  }
}
