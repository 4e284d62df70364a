package dev.parley.media.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class L16CodecTest {
  @Test
  void samplesGoOutMostSignificantByteFirst() {
    byte[] out = new byte[6];
    int n = L16Codec.L16_16000.encode(new short[] {0x1234, -2, Short.MIN_VALUE}, 0, 3, out, 0);
    assertThat(n).isEqualTo(6);
    assertThat(out).containsExactly(0x12, 0x34, 0xff, 0xfe, 0x80, 0x00);
  }

  @Test
  void decodeIsTheExactInverse() {
    short[] pcm = new short[960];
    for (int i = 0; i < pcm.length; i++) pcm[i] = (short) (i * 137 - 40000);
    byte[] wire = new byte[1920];
    L16Codec.L16_48000.encode(pcm, 0, pcm.length, wire, 0);
    short[] back = new short[960];
    assertThat(L16Codec.L16_48000.decode(wire, 0, wire.length, back, 0)).isEqualTo(960);
    assertThat(back).isEqualTo(pcm);
  }

  @Test
  void anOddPayloadIsNotWholeSamples() {
    assertThat(L16Codec.L16_8000.decode(new byte[3], 0, 3, new short[2], 0)).isEqualTo(-1);
  }

  @Test
  void theClockIsTheSampleRateAndTwoBytesAreOneTick() {
    for (int rate : new int[] {8000, 16000, 48000}) {
      CodecType t = Codecs.type("l16", rate);
      assertThat(t).isSameAs(L16Codec.of(rate));
      assertThat(t.clockRateHz()).isEqualTo(rate);
      assertThat(t.pcmRateHz(8000)).isEqualTo(rate);
      assertThat(t.rtpTicks(320)).isEqualTo(160);
      assertThat(t.frameBased()).isFalse();
    }
    assertThat(Codecs.type("L16", 44100)).isNull();
    assertThat(Codecs.type("PCMU", 16000)).as("other codecs keep their clock").isNull();
    assertThat(L16Codec.L16_48000.maxPtimeMillis() * 48 * 2).isLessThanOrEqualTo(1400);
  }

  @Test
  void refusesAnotherRate() {
    assertThatThrownBy(() -> L16Codec.L16_16000.newEncoder(8000, 160, null)).isInstanceOf(IllegalArgumentException.class);
  }
}
