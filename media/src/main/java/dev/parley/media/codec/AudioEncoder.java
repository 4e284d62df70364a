package dev.parley.media.codec;

/**
 * Encodes 16-bit linear PCM for one outgoing stream. Stateful codecs (G.722, Opus) carry history
 * from one call to the next, so an instance serves one stream; the stateless G.711 codecs share one.
 *
 * <p>Runs on the media thread once per packet: implementations keep no reference to the arrays and
 * allocate nothing (Opus through Concentus is the documented exception, see {@link OpusCodec}).
 */
public interface AudioEncoder {
  /**
   * Encodes {@code count} samples from {@code in[off..off+count)} into {@code out} from {@code outOff}.
   * A frame-based codec ({@link CodecType#frameBased()}) makes exactly one frame of {@code count}
   * samples.
   *
   * @return the number of bytes written
   */
  int encode(short[] in, int off, int count, byte[] out, int outOff);
}
