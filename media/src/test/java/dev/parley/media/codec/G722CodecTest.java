package dev.parley.media.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.media.testing.Signals;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/**
 * G.722 against spandsp's implementation (which passes the ITU-T G.722 test sequences; the sequences
 * themselves are not distributed where this build can fetch them): the vectors in
 * {@code codec/g722/} were made by its {@code generate.py}. Plus the algorithm's published properties.
 */
class G722CodecTest {

  @Test
  void encoderIsBitExactWithTheReferenceOnTheVectorSignal() throws IOException {
    short[] signal = pcm("signal.s16le");
    byte[] expected = bytes("signal.g722");
    byte[] ours = new byte[signal.length / 2];
    G722Encoder encoder = new G722Encoder();
    // In 20 ms packets, as on the media path: the state carries across calls.
    int n = 0;
    for (int off = 0; off < signal.length; off += 320) n += encoder.encode(signal, off, 320, ours, n);
    assertThat(n).isEqualTo(expected.length);
    assertThat(ours).isEqualTo(expected);
  }

  @Test
  void decoderIsBitExactWithTheReferenceOnTheVectorStream() throws IOException {
    byte[] stream = bytes("signal.g722");
    short[] expected = pcm("signal.dec.s16le");
    short[] ours = new short[stream.length * 2];
    G722Decoder decoder = new G722Decoder();
    int n = 0;
    for (int off = 0; off < stream.length; off += 160) n += decoder.decode(stream, off, 160, ours, n);
    assertThat(n).isEqualTo(expected.length);
    assertThat(ours).isEqualTo(expected);
  }

  @Test
  void aRoundTripKeepsTonesInBothSubBandsWithAGoodSignalToNoiseRatio() {
    for (double hz : new double[] {440, 1000, 3000, 5000, 6500}) {
      short[] in = tone(hz, -12, 16000);
      short[] out = roundTrip(in);
      // The codec delay is 22 samples (the two QMFs, §3.1 and §4.4): compare against the delayed input.
      double snr = snrDb(in, out, 22, 4000);
      assertThat(snr).as("SNR at %.0f Hz", hz).isGreaterThan(hz < 4000 ? 30 : 15);
      assertThat(Signals.levelDbfs(out, 4000, 16000, hz, 16000)).as("level at %.0f Hz", hz).isBetween(-13.0, -11.0);
    }
  }

  @Test
  void silenceEncodesToSilence() {
    short[] out = roundTrip(new short[3200]);
    int peak = 0;
    for (short s : out) peak = Math.max(peak, Math.abs(s));
    assertThat(peak).isLessThan(8);
  }

  @Test
  void aTwentyMillisecondPacketIs160BytesAnd160TimestampTicks() {
    CodecType g722 = Codecs.type("g722");
    assertThat(g722).isSameAs(G722Codec.INSTANCE);
    AudioEncoder e = g722.newEncoder(16000, 320, null);
    byte[] out = new byte[320];
    int bytes = e.encode(new short[320], 0, 320, out, 0);
    assertThat(bytes).isEqualTo(160);
    // RFC 3551 §4.5.2: the clock says 8000 although the audio is sampled at 16000.
    assertThat(g722.clockRateHz()).isEqualTo(8000);
    assertThat(g722.pcmRateHz(8000)).isEqualTo(16000);
    assertThat(g722.rtpTicks(bytes)).isEqualTo(160);
  }

  @Test
  void aDecoderStartingMidStreamConverges() {
    short[] in = tone(1000, -12, 16000);
    byte[] stream = new byte[in.length / 2];
    new G722Encoder().encode(in, 0, in.length, stream, 0);
    short[] out = new short[in.length];
    // Join 0.5 s late, as a decoder does when a member moves from its own stream to the shared one.
    new G722Decoder().decode(stream, 4000, 4000, out, 8000);
    assertThat(snrDb(in, out, 22, 12000)).isGreaterThan(30);
  }

  static short[] tone(double hz, double dbfs, int n) {
    short[] s = new short[n];
    double a = 32767 * Math.pow(10, dbfs / 20);
    for (int i = 0; i < n; i++) s[i] = (short) Math.round(a * Math.sin(2 * Math.PI * hz * i / 16000));
    return s;
  }

  private static short[] roundTrip(short[] in) {
    byte[] stream = new byte[in.length / 2];
    new G722Encoder().encode(in, 0, in.length, stream, 0);
    short[] out = new short[in.length];
    new G722Decoder().decode(stream, 0, stream.length, out, 0);
    return out;
  }

  /** Signal to noise of {@code out} against {@code in} delayed by {@code delay}, from {@code from}. */
  private static double snrDb(short[] in, short[] out, int delay, int from) {
    double signal = 0, noise = 0;
    for (int i = from; i < out.length; i++) {
      double x = in[i - delay];
      signal += x * x;
      noise += (out[i] - x) * (out[i] - x);
    }
    return 10 * Math.log10(signal / Math.max(noise, 1e-9));
  }

  private static byte[] bytes(String name) throws IOException {
    try (InputStream in = G722CodecTest.class.getResourceAsStream("/codec/g722/" + name)) {
      return in.readAllBytes();
    }
  }

  private static short[] pcm(String name) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(bytes(name)).order(ByteOrder.LITTLE_ENDIAN);
    short[] s = new short[b.remaining() / 2];
    b.asShortBuffer().get(s);
    return s;
  }
}
