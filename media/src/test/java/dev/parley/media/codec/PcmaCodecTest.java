package dev.parley.media.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PcmaCodecTest {
  private static int code(int sample) {
    return PcmaCodec.encode((short) sample) & 0xFF;
  }

  @Test
  void encodesReferenceValues() {
    // ITU-T G.191 alaw_compress; A-law has no zero code, the smallest codes are +-8.
    assertThat(code(0)).isEqualTo(0xD5);
    assertThat(code(-1)).isEqualTo(0x55);
    assertThat(code(15)).isEqualTo(0xD5);
    assertThat(code(16)).isEqualTo(0xD4);
    assertThat(code(32767)).isEqualTo(0xAA);
    assertThat(code(-32768)).isEqualTo(0x2A);
    // G.711 Table 1: segments 0 and 1 share the step of 16; the step doubles at 16-bit 512.
    assertThat(code(511)).isEqualTo(0xCA);
    assertThat(code(512)).isEqualTo(0xF5);
    assertThat(code(1000)).isEqualTo(0xFA);
  }

  @Test
  void decodesReferenceValues() {
    assertThat(PcmaCodec.decode((byte) 0xD5)).isEqualTo((short) 8);
    assertThat(PcmaCodec.decode((byte) 0x55)).isEqualTo((short) -8);
    assertThat(PcmaCodec.decode((byte) 0xAA)).isEqualTo((short) 32256);
    assertThat(PcmaCodec.decode((byte) 0x2A)).isEqualTo((short) -32256);
    assertThat(PcmaCodec.decode((byte) 0xD4)).isEqualTo((short) 24);
    assertThat(PcmaCodec.decode((byte) 0xCA)).isEqualTo((short) 504);
    assertThat(PcmaCodec.decode((byte) 0xF5)).isEqualTo((short) 528);
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
      int c = code(x);
      int decoded = PcmaCodec.decode((byte) c);
      int segment = ((c ^ 0x55) >> 4) & 7;
      int halfStep = segment <= 1 ? 8 : 8 << (segment - 1);
      assertThat(Math.abs(decoded - x)).as("x=%d decoded=%d", x, decoded).isLessThanOrEqualTo(halfStep + 1);
    }
  }

  @Test
  void decodingIsMonotonicInTheInput() {
    int previous = Integer.MIN_VALUE;
    for (int x = -32768; x <= 32767; x++) {
      int decoded = PcmaCodec.decode(PcmaCodec.encode((short) x));
      assertThat(decoded).as("x=%d", x).isGreaterThanOrEqualTo(previous);
      previous = decoded;
    }
  }

  @Test
  void everyCodeSurvivesDecodeThenEncode() {
    for (int c = 0; c < 256; c++) {
      assertThat(code(PcmaCodec.decode((byte) c))).as("code %02x", c).isEqualTo(c);
    }
  }

  @Test
  void bulkMethodsMatchTheScalarOnesAndRespectOffsets() {
    short[] pcm = {0, 1000, -1000, 32767, -32768, 5};
    byte[] encoded = new byte[10];
    assertThat(PcmaCodec.INSTANCE.encode(pcm, 1, 4, encoded, 3)).isEqualTo(4);
    assertThat(encoded[2]).isZero();
    assertThat(encoded[7]).isZero();
    for (int i = 0; i < 4; i++) assertThat(encoded[3 + i]).isEqualTo(PcmaCodec.encode(pcm[1 + i]));

    short[] decoded = new short[8];
    assertThat(PcmaCodec.INSTANCE.decode(encoded, 3, 4, decoded, 2)).isEqualTo(4);
    assertThat(decoded[1]).isZero();
    assertThat(decoded[6]).isZero();
    for (int i = 0; i < 4; i++) assertThat(decoded[2 + i]).isEqualTo(PcmaCodec.decode(encoded[3 + i]));
  }

  @Test
  void describesItselfAsSdpDoes() {
    assertThat(PcmaCodec.INSTANCE.encodingName()).isEqualTo("PCMA");
    assertThat(PcmaCodec.INSTANCE.clockRateHz()).isEqualTo(8000);
  }
}
