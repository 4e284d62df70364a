package dev.parley.media.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PcmuCodecTest {
  private static int code(int sample) {
    return PcmuCodec.encode((short) sample) & 0xFF;
  }

  @Test
  void encodesReferenceValues() {
    // ITU-T G.191 ulaw_compress: zero is the positive zero code, -1 the negative zero code.
    assertThat(code(0)).isEqualTo(0xFF);
    assertThat(code(-1)).isEqualTo(0x7F);
    assertThat(code(32767)).isEqualTo(0x80);
    assertThat(code(-32768)).isEqualTo(0x00);
    // G.711 Table 2: the first decision value (1 in 14-bit units, 4 in 16-bit) starts code 0xFE.
    assertThat(code(3)).isEqualTo(0xFF);
    assertThat(code(4)).isEqualTo(0xFE);
    // Segment 0 ends below 14-bit 31 (16-bit 124), where the step doubles.
    assertThat(code(123)).isEqualTo(0xF0);
    assertThat(code(124)).isEqualTo(0xEF);
    // Clipping starts above 14-bit 8158.
    assertThat(code(32635)).isEqualTo(0x80);
    assertThat(code(32000)).isEqualTo(0x80);
    assertThat(code(31000)).isEqualTo(0x81);
  }

  @Test
  void decodesReferenceValues() {
    assertThat(PcmuCodec.decode((byte) 0x00)).isEqualTo((short) -32124);
    assertThat(PcmuCodec.decode((byte) 0x80)).isEqualTo((short) 32124);
    assertThat(PcmuCodec.decode((byte) 0xFF)).isEqualTo((short) 0);
    assertThat(PcmuCodec.decode((byte) 0x7F)).isEqualTo((short) 0);
    assertThat(PcmuCodec.decode((byte) 0xFE)).isEqualTo((short) 8);
    assertThat(PcmuCodec.decode((byte) 0x7E)).isEqualTo((short) -8);
    assertThat(PcmuCodec.decode((byte) 0xEF)).isEqualTo((short) 132);
  }

  @Test
  void negativeInputsMirrorPositiveOnesThroughOnesComplement() {
    for (int x = 0; x <= 32767; x++) {
      assertThat(code(~x)).as("x=%d", x).isEqualTo(code(x) ^ 0x80);
    }
  }

  @Test
  void everyInputRoundTripsWithinHalfAStepOfItsSegment() {
    for (int x = -32768; x <= 32767; x++) {
      int decoded = PcmuCodec.decode(PcmuCodec.encode((short) x));
      int magnitude = x < 0 ? ~x : x;
      if (magnitude > 32635) {
        assertThat(Math.abs(decoded)).as("clipped x=%d", x).isEqualTo(32124);
        continue;
      }
      int segment = (PcmuCodec.encode((short) x) ^ 0xFF) >> 4 & 7;
      int halfStep = 4 << segment;
      // The +1 is the half LSB by which G.191 centres negative inputs (it codes ~x, i.e. -x-1).
      assertThat(Math.abs(decoded - x)).as("x=%d decoded=%d", x, decoded).isLessThanOrEqualTo(halfStep + 1);
    }
  }

  @Test
  void decodingIsMonotonicInTheInput() {
    int previous = Integer.MIN_VALUE;
    for (int x = -32768; x <= 32767; x++) {
      int decoded = PcmuCodec.decode(PcmuCodec.encode((short) x));
      assertThat(decoded).as("x=%d", x).isGreaterThanOrEqualTo(previous);
      previous = decoded;
    }
  }

  @Test
  void everyCodeExceptNegativeZeroSurvivesDecodeThenEncode() {
    for (int c = 0; c < 256; c++) {
      int expected = c == 0x7F ? 0xFF : c; // both zeros decode to 0, which encodes as positive zero
      assertThat(code(PcmuCodec.decode((byte) c))).as("code %02x", c).isEqualTo(expected);
    }
  }

  @Test
  void bulkMethodsMatchTheScalarOnesAndRespectOffsets() {
    short[] pcm = {0, 1000, -1000, 32767, -32768, 5};
    byte[] encoded = new byte[10];
    assertThat(PcmuCodec.INSTANCE.encode(pcm, 1, 4, encoded, 3)).isEqualTo(4);
    assertThat(encoded[2]).isZero();
    assertThat(encoded[7]).isZero();
    for (int i = 0; i < 4; i++) assertThat(encoded[3 + i]).isEqualTo(PcmuCodec.encode(pcm[1 + i]));

    short[] decoded = new short[8];
    assertThat(PcmuCodec.INSTANCE.decode(encoded, 3, 4, decoded, 2)).isEqualTo(4);
    assertThat(decoded[1]).isZero();
    assertThat(decoded[6]).isZero();
    for (int i = 0; i < 4; i++) assertThat(decoded[2 + i]).isEqualTo(PcmuCodec.decode(encoded[3 + i]));
  }

  @Test
  void describesItselfAsSdpDoes() {
    assertThat(PcmuCodec.INSTANCE.encodingName()).isEqualTo("PCMU");
    assertThat(PcmuCodec.INSTANCE.clockRateHz()).isEqualTo(8000);
  }
}
