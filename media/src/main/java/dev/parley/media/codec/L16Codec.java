package dev.parley.media.codec;

/**
 * L16 (RFC 3551 §4.5.11): uncompressed 16-bit signed linear PCM, most significant byte first (network
 * byte order), here mono at 8000, 16000 or 48000 Hz. The RTP clock is the sample rate and one sample
 * is two bytes, so a packet's timestamp step is half its payload length. Stateless: one instance per
 * rate is every stream's encoder and decoder; nothing is allocated.
 *
 * <p>At 48 kHz a 20 ms packet would be 1920 bytes, over a 1500-byte MTU, so {@link #maxPtimeMillis()}
 * says how long a packet may be (the engine sends shorter packets than the peer's ptime asks then).
 */
public final class L16Codec implements CodecType, AudioEncoder, AudioDecoder {
  public static final L16Codec L16_8000 = new L16Codec(8000);
  public static final L16Codec L16_16000 = new L16Codec(16000);
  public static final L16Codec L16_48000 = new L16Codec(48000);

  private final int rateHz;

  private L16Codec(int rateHz) {
    this.rateHz = rateHz;
  }

  /** The L16 of this RTP clock rate, or null if we do not take that rate. */
  public static L16Codec of(int clockRateHz) {
    return switch (clockRateHz) {
      case 8000 -> L16_8000;
      case 16000 -> L16_16000;
      case 48000 -> L16_48000;
      default -> null;
    };
  }

  @Override
  public String encodingName() {
    return "L16";
  }

  @Override
  public int clockRateHz() {
    return rateHz;
  }

  @Override
  public int pcmRateHz(int roomRateHz) {
    return rateHz;
  }

  @Override
  public boolean frameBased() {
    return false;
  }

  @Override
  public int rtpTicks(int payloadBytes) {
    return payloadBytes / 2;
  }

  /** The longest packet that fits in 1400 bytes of payload: 10 ms at 48 kHz, 30 ms below. */
  public int maxPtimeMillis() {
    return rateHz >= 48000 ? 10 : 30;
  }

  @Override
  public AudioEncoder newEncoder(int pcmRateHz, int frameSamples, String fmtp) {
    if (pcmRateHz != rateHz) throw new IllegalArgumentException(this + " encodes " + rateHz + " Hz, not " + pcmRateHz);
    return this;
  }

  @Override
  public AudioDecoder newDecoder(int pcmRateHz) {
    if (pcmRateHz != rateHz) throw new IllegalArgumentException(this + " decodes to " + rateHz + " Hz, not " + pcmRateHz);
    return this;
  }

  @Override
  public int encode(short[] in, int off, int count, byte[] out, int outOff) {
    for (int i = 0; i < count; i++) {
      short s = in[off + i];
      out[outOff + 2 * i] = (byte) (s >> 8);
      out[outOff + 2 * i + 1] = (byte) s;
    }
    return 2 * count;
  }

  /** @return samples written, or -1 for an odd payload length (not whole samples) */
  @Override
  public int decode(byte[] in, int off, int len, short[] out, int outOff) {
    if ((len & 1) != 0) return -1;
    int n = len / 2;
    for (int i = 0; i < n; i++) {
      out[outOff + i] = (short) ((in[off + 2 * i] << 8) | (in[off + 2 * i + 1] & 0xff));
    }
    return n;
  }

  @Override
  public String toString() {
    return "L16/" + rateHz;
  }
}
