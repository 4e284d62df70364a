package dev.parley.media.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/**
 * Compares both G.711 codecs with vectors made by sox (see {@code codec/g711/generate.sh}): every code
 * decoded, and every 16-bit input encoded.
 *
 * <p>Decoding must match sox exactly. Encoding differs in one known way: before coding, sox rounds
 * the 16-bit sample to the nearest 14-bit (mu-law) or 13-bit (A-law) value, while the ITU-T G.191
 * reference we follow drops the low bits (and codes a negative {@code x} by {@code ~x}). So for every
 * input we check that our code equals sox's code for an input that both quantisers put in the same
 * G.191 cell as {@code x}. The only cell sox cannot produce is mu-law's negative zero (0x7F, for
 * inputs -4..-1), which sox codes as 0xFF or 0x7E: 0 and -8.
 */
class G711ReferenceTest {
  private static byte[] resource(String name) throws IOException {
    try (InputStream in = G711ReferenceTest.class.getResourceAsStream("/codec/g711/" + name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    }
  }

  private static short[] pcm(String name) throws IOException {
    byte[] bytes = resource(name);
    short[] out = new short[bytes.length / 2];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(out);
    return out;
  }

  @Test
  void theVectorsAreWhatTheirNamesSay() throws IOException {
    short[] ramp = pcm("ramp.s16le");
    assertThat(ramp).hasSize(65536);
    for (int i = 0; i < ramp.length; i++) assertThat(ramp[i]).isEqualTo((short) (i - 32768));
    byte[] codes = resource("codes.u8");
    assertThat(codes).hasSize(256);
    for (int i = 0; i < 256; i++) assertThat(codes[i]).isEqualTo((byte) i);
  }

  @Test
  void muLawDecodesEveryCodeAsSoxDoes() throws IOException {
    byte[] codes = resource("codes.u8");
    short[] expected = pcm("codes.pcmu.s16le");
    short[] actual = new short[256];
    assertThat(PcmuCodec.INSTANCE.decode(codes, 0, 256, actual, 0)).isEqualTo(256);
    assertThat(actual).containsExactly(expected);
  }

  @Test
  void aLawDecodesEveryCodeAsSoxDoes() throws IOException {
    byte[] codes = resource("codes.u8");
    short[] expected = pcm("codes.pcma.s16le");
    short[] actual = new short[256];
    assertThat(PcmaCodec.INSTANCE.decode(codes, 0, 256, actual, 0)).isEqualTo(256);
    assertThat(actual).containsExactly(expected);
  }

  @Test
  void muLawEncodesEveryInputAsSoxDoesForTheSameCell() throws IOException {
    short[] ramp = pcm("ramp.s16le");
    byte[] sox = resource("ramp.pcmu");
    byte[] ours = new byte[ramp.length];
    PcmuCodec.INSTANCE.encode(ramp, 0, ramp.length, ours, 0);
    int sameAsSoxForTheSameInput = 0;
    for (int x = -32768; x <= 32767; x++) {
      int code = ours[x + 32768] & 0xFF;
      if (code == (sox[x + 32768] & 0xFF)) sameAsSoxForTheSameInput++;
      int magnitude14 = (x < 0 ? ~x : x) >> 2; // the G.191 cell
      if (x < 0 && magnitude14 == 0) {
        // sox has no negative zero: it rounds -1 and -2 to +0 (0xFF), -3 and -4 to -1 (0x7E).
        assertThat(code).as("negative zero, x=%d", x).isEqualTo(0x7F);
        assertThat(sox[x + 32768] & 0xFF).as("x=%d", x).isEqualTo(x >= -2 ? 0xFF : 0x7E);
        continue;
      }
      // 4 * m is the low edge of the cell, which sox rounds into the same 14-bit value.
      int representative = x < 0 ? -4 * magnitude14 : 4 * magnitude14;
      assertThat(code).as("x=%d", x).isEqualTo(sox[representative + 32768] & 0xFF);
    }
    // Rounding and truncation only disagree on the few inputs per decision value that rounding
    // carries over it: 510 of 65536.
    assertThat(sameAsSoxForTheSameInput).isEqualTo(65536 - 510);
  }

  @Test
  void aLawEncodesEveryInputAsSoxDoesForTheSameCell() throws IOException {
    short[] ramp = pcm("ramp.s16le");
    byte[] sox = resource("ramp.pcma");
    byte[] ours = new byte[ramp.length];
    PcmaCodec.INSTANCE.encode(ramp, 0, ramp.length, ours, 0);
    int sameAsSoxForTheSameInput = 0;
    for (int x = -32768; x <= 32767; x++) {
      int code = ours[x + 32768] & 0xFF;
      if (code == (sox[x + 32768] & 0xFF)) sameAsSoxForTheSameInput++;
      // x & ~7 is the low edge of the 13-bit cell, which sox rounds into the same cell.
      int representative = x & ~7;
      assertThat(code).as("x=%d", x).isEqualTo(sox[representative + 32768] & 0xFF);
    }
    assertThat(sameAsSoxForTheSameInput).isEqualTo(65536 - 1020);
  }
}
