package dev.parley.media.codec;

/**
 * G.711 A-law (RTP payload type 8, "PCMA", RFC 3551 §4.5.14): one byte per sample at 8000 Hz.
 *
 * <p>Bit-exact with the ITU-T G.191 reference ({@code alaw_compress}/{@code alaw_expand}): the three
 * low bits of a 16-bit sample are dropped to get the 13-bit uniform code of ITU-T G.711 Table 1, and a
 * negative sample {@code x} is coded by the magnitude of {@code ~x}, so {@code encode(~x) ==
 * encode(x) ^ 0x80}. sox instead rounds to 13 bits before coding; the tests document that difference.
 *
 * <p>Stateless and thread-safe; decoding is a table lookup, encoding a few integer operations; neither
 * allocates.
 */
public final class PcmaCodec implements AudioCodec {
  public static final PcmaCodec INSTANCE = new PcmaCodec();

  /** G.711 §3 (A-law): even bits are inverted on the line. */
  private static final int EVEN_BITS = 0x55;

  private static final short[] DECODE = new short[256];

  static {
    for (int code = 0; code < 256; code++) DECODE[code] = expand(code);
  }

  private PcmaCodec() {}

  /** Encodes one 16-bit sample to its A-law code. */
  public static byte encode(short sample) {
    // s >> 31 is 0 or -1: XOR with it gives x or ~x, the G.191 magnitude, without a branch.
    int negative = sample >> 31;
    int magnitude = (sample ^ negative) >> 4; // 12-bit magnitude, 0..2047
    // Segment 0 and 1 share the step (the A-law "13 segments"): segment = max(0, top bit - 3).
    int segment = Math.max(0, 28 - Integer.numberOfLeadingZeros(magnitude));
    int mantissa = (magnitude >> Math.max(segment - 1, 0)) & 0x0F;
    int code = (segment << 4) | mantissa | (~negative & 0x80); // the sign bit is 1 for positive
    return (byte) (code ^ EVEN_BITS);
  }

  /** Decodes one A-law code to a 16-bit sample. */
  public static short decode(byte code) {
    return DECODE[code & 0xFF];
  }

  /** The decoder output of G.711 Table 1 scaled to 16 bits (G.191 {@code alaw_expand}). */
  private static short expand(int code) {
    int bits = (code ^ EVEN_BITS) & 0x7F;
    int segment = bits >> 4;
    int mantissa = bits & 0x0F;
    if (segment > 0) mantissa += 16; // the implicit leading one of segments 1..7
    int magnitude = (mantissa << 4) + 8; // the middle of the quantisation interval
    if (segment > 1) magnitude <<= segment - 1;
    return (short) ((code & 0x80) != 0 ? magnitude : -magnitude);
  }

  @Override
  public String encodingName() {
    return "PCMA";
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
    return "PCMA/8000";
  }
}
