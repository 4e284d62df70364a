package dev.parley.media.codec;

import io.github.jaredmdobson.concentus.OpusDecoder;
import io.github.jaredmdobson.concentus.OpusException;

/**
 * One Opus decoder for one incoming stream, mono (a stereo stream is downmixed by the decoder), at the
 * room's rate. Conceals lost packets from its own model (RFC 6716 §4.4) and rebuilds a lost packet
 * from the next one's in-band FEC when the sender put some there (§2.1.7).
 */
final class OpusStreamDecoder implements AudioDecoder {
  private final OpusDecoder decoder;
  /** RFC 6716 §3.2.5: a packet holds at most 120 ms. */
  private final int maxFrameSamples;

  OpusStreamDecoder(int pcmRateHz) {
    try {
      decoder = new OpusDecoder(pcmRateHz, 1);
    } catch (OpusException e) {
      throw new IllegalArgumentException("Opus cannot decode at " + pcmRateHz + " Hz: " + e.getMessage(), e);
    }
    maxFrameSamples = pcmRateHz * 120 / 1000;
  }

  @Override
  public int decode(byte[] in, int off, int len, short[] out, int outOff) {
    if (len <= 0) return -1;
    try {
      return decoder.decode(in, off, len, out, outOff, Math.min(maxFrameSamples, out.length - outOff), false);
    } catch (OpusException | RuntimeException e) {
      // A corrupt packet (RFC 6716 §3.4 says reject it): Concentus reports some as exceptions of its own.
      return -1;
    } catch (AssertionError e) {
      return corrupt();
    }
  }

  @Override
  public boolean conceals() {
    return true;
  }

  @Override
  public int conceal(short[] out, int outOff, int count) {
    try {
      return decoder.decode(null, 0, 0, out, outOff, count, false);
    } catch (OpusException | RuntimeException e) {
      return 0;
    } catch (AssertionError e) {
      return Math.max(0, corrupt());
    }
  }

  @Override
  public int recover(byte[] in, int off, int len, short[] out, int outOff, int count) {
    try {
      return decoder.decode(in, off, len, out, outOff, count, true);
    } catch (OpusException | RuntimeException e) {
      return conceal(out, outOff, count);
    } catch (AssertionError e) {
      corrupt();
      return conceal(out, outOff, count);
    }
  }

  /**
   * The range coder's state after the last packet (RFC 6716 §4.1, OPUS_GET_FINAL_RANGE): equal to the
   * reference decoder's when both read the packet's bits the same way. For the reference tests.
   */
  long finalRange() {
    return Integer.toUnsignedLong(decoder.getFinalRange());
  }

  /**
   * Concentus checks its internal ranges with {@code OpusAssert}, which throws AssertionError whether
   * or not the JVM runs with {@code -ea}; some malformed packets trip it (found by RtpInputFuzzTest).
   * An Error would end the media worker thread, and with it every room on that worker, so it is a
   * rejected packet like any other; the decoder's state may be half-updated, so it starts afresh.
   */
  private int corrupt() {
    decoder.resetState();
    return -1;
  }
}
