package dev.parley.media.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** The codecs run once per packet on the media thread: they must not allocate. */
class CodecAllocationTest {
  @Test
  void encodeAndDecodeAllocateNothing() {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    short[] pcm = new short[160];
    for (int i = 0; i < pcm.length; i++) pcm[i] = (short) (i * 397);
    byte[] bytes = new byte[160];
    AudioCodec[] codecs = {PcmuCodec.INSTANCE, PcmaCodec.INSTANCE};
    long sum = 0;
    for (int i = 0; i < 20_000; i++) sum += cycle(codecs[i & 1], pcm, bytes); // warm up
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 20_000; i++) sum += cycle(codecs[i & 1], pcm, bytes);
    assertThat(threads.getCurrentThreadAllocatedBytes() - before).isZero();
    assertThat(sum).isNotZero();
  }

  @Test
  void g722EncodeAndDecodeAllocateNothing() {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    short[] pcm = new short[320];
    for (int i = 0; i < pcm.length; i++) pcm[i] = (short) (i * 397);
    byte[] bytes = new byte[160];
    AudioEncoder e = G722Codec.INSTANCE.newEncoder(16000, 320, null);
    AudioDecoder d = G722Codec.INSTANCE.newDecoder(16000);
    long sum = 0;
    for (int i = 0; i < 20_000; i++) sum += e.encode(pcm, 0, 320, bytes, 0) + d.decode(bytes, 0, 160, pcm, 0);
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 20_000; i++) sum += e.encode(pcm, 0, 320, bytes, 0) + d.decode(bytes, 0, 160, pcm, 0);
    assertThat(threads.getCurrentThreadAllocatedBytes() - before).isZero();
    assertThat(sum).isNotZero();
  }

  private static int cycle(AudioCodec codec, short[] pcm, byte[] bytes) {
    return codec.encode(pcm, 0, pcm.length, bytes, 0) + codec.decode(bytes, 0, bytes.length, pcm, 0);
  }
}
