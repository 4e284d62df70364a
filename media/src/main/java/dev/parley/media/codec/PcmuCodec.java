package dev.parley.media.codec;

/**
 * G.711 mu-law (RTP payload type 0, "PCMU", RFC 3551 §4.5.14): one byte per sample at 8000 Hz.
 *
 * <p>Bit-exact with the ITU-T G.191 reference ({@code ulaw_compress}/{@code ulaw_expand}), which
 * defines how 16-bit linear PCM maps onto the 14-bit uniform code of ITU-T G.711 Table 2: the two low
 * bits are dropped and a negative sample {@code x} is coded by the magnitude of {@code ~x} (that is
 * {@code -x-1}), so {@code encode(~x) == encode(x) ^ 0x80} for every input. sox instead rounds to 14
 * bits before coding; the tests document that difference.
 *
 * <p>Stateless and thread-safe; decoding is a table lookup, encoding a few integer operations; neither
 * allocates.
 */
public final class PcmuCodec implements AudioCodec {
  public static final PcmuCodec INSTANCE = new PcmuCodec();

  /** G.711 §2 (mu-law): the bias that makes segment boundaries powers of two, in 14-bit units. */
  private static final int BIAS_14 = 33;
  /** Largest biased 14-bit magnitude: inputs above 8158 are clipped to the top code. */
  private static final int MAX_BIASED_14 = 0x1FFF;

  private static final short[] DECODE = new short[256];

  static {
    for (int code = 0; code < 256; code++) DECODE[code] = expand(code);
  }

  private PcmuCodec() {}

  /** Encodes one 16-bit sample to its mu-law code. */
  public static byte encode(short sample) {
    // s >> 31 is 0 or -1: XOR with it gives x or ~x, the G.191 magnitude, without a branch.
    int negative = sample >> 31;
    int biased = (((sample ^ negative) >> 2) + BIAS_14);
    if (biased > MAX_BIASED_14) biased = MAX_BIASED_14;
    // biased is in [33, 8191]: its top bit is bit 5..12, which is segment 0..7.
    int segment = 26 - Integer.numberOfLeadingZeros(biased);
    int mantissa = (biased >> (segment + 1)) & 0x0F;
    // Codes are sent inverted (G.711 §2: "all character signals are inverted").
    return (byte) ~((negative & 0x80) | (segment << 4) | mantissa);
  }

  /** Decodes one mu-law code to a 16-bit sample. */
  public static short decode(byte code) {
    return DECODE[code & 0xFF];
  }

  /** The decoder output of G.711 Table 2 scaled to 16 bits (G.191 {@code ulaw_expand}). */
  private static short expand(int code) {
    int inverted = ~code & 0xFF;
    int segment = (inverted >> 4) & 0x07;
    int mantissa = inverted & 0x0F;
    int step = 8 << segment; // the quantisation step of the segment in 16-bit units
    int magnitude = (0x80 << segment) + step * mantissa + step / 2 - 4 * BIAS_14;
    return (short) ((inverted & 0x80) != 0 ? -magnitude : magnitude);
  }

  @Override
  public String encodingName() {
    return "PCMU";
  }

  @Override
  public int clockRateHz() {
    return 8000;
  }

  @Override
  public int decode(byte[] in, int off, int len, short[] out, int outOff) {
    for (int i = 0; i < len; i++) out[outOff + i] = DECODE[in[off + i] & 0xFF];
    return len;
  }

  @Override
  public int encode(short[] in, int off, int count, byte[] out, int outOff) {
    for (int i = 0; i < count; i++) out[outOff + i] = encode(in[off + i]);
    return count;
  }

  @Override
  public String toString() {
    return "PCMU/8000";
  }
}
