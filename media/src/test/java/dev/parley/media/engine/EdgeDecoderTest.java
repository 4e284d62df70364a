package dev.parley.media.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.media.codec.AudioEncoder;
import dev.parley.media.codec.CodecType;
import dev.parley.media.codec.G722Codec;
import dev.parley.media.codec.OpusCodec;
import dev.parley.media.jitter.JitterBuffer;
import dev.parley.media.jitter.JitterBufferConfig;
import org.junit.jupiter.api.Test;

class EdgeDecoderTest {
  private static final int ROOM = 16000, FRAME = 320;

  @Test
  void anOpusGapOfOneToThreePacketsIsFilledByTheDecoder() {
    EdgeDecoder d = new EdgeDecoder(OpusCodec.INSTANCE, ROOM);
    JitterBuffer jitter = new JitterBuffer(JitterBufferConfig.defaults(ROOM));
    byte[][] packets = packets(OpusCodec.INSTANCE, 40);
    for (int i = 0; i < 10; i++) send(d, jitter, packets, i);
    send(d, jitter, packets, 11); // one lost: FEC
    assertThat(d.filledPackets).isEqualTo(1);
    send(d, jitter, packets, 15); // three lost: two concealed, one from FEC
    assertThat(d.filledPackets).isEqualTo(4);
    send(d, jitter, packets, 20); // four lost: too long, left to the jitter buffer
    assertThat(d.filledPackets).isEqualTo(4);
  }

  @Test
  void aG722GapIsLeftToTheJitterBuffer() {
    EdgeDecoder d = new EdgeDecoder(G722Codec.INSTANCE, ROOM);
    JitterBuffer jitter = new JitterBuffer(JitterBufferConfig.defaults(ROOM));
    byte[][] packets = packets(G722Codec.INSTANCE, 5);
    send(d, jitter, packets, 0);
    send(d, jitter, packets, 2);
    assertThat(d.filledPackets).isZero();
  }

  @Test
  void aPayloadThatDoesNotDecodeIsRefused() {
    EdgeDecoder d = new EdgeDecoder(OpusCodec.INSTANCE, ROOM);
    JitterBuffer jitter = new JitterBuffer(JitterBufferConfig.defaults(ROOM));
    byte[] junk = {(byte) 0xff, (byte) 0xff, (byte) 0xff};
    assertThat(d.receive(1, 1, 0, junk, 0, junk.length, jitter, 0)).isFalse();
  }

  private static void send(EdgeDecoder d, JitterBuffer jitter, byte[][] packets, int i) {
    int ticks = d.type().clockRateHz() / 50;
    assertThat(d.receive(7, 100 + i, 5000L + (long) i * ticks, packets[i], 0, packets[i].length, jitter, i * 20_000_000L))
        .isTrue();
  }

  private static byte[][] packets(CodecType type, int count) {
    int pcmRate = type.pcmRateHz(ROOM);
    int frame = pcmRate / 50;
    AudioEncoder e = type.newEncoder(pcmRate, frame, "useinbandfec=1");
    short[] pcm = new short[frame];
    byte[] out = new byte[1500];
    byte[][] p = new byte[count][];
    for (int k = 0; k < count; k++) {
      for (int i = 0; i < frame; i++) pcm[i] = (short) (6000 * Math.sin(2 * Math.PI * 440 * (k * frame + i) / pcmRate));
      p[k] = java.util.Arrays.copyOf(out, e.encode(pcm, 0, frame, out, 0));
    }
    return p;
  }
}
