package dev.parley.bench;

import dev.parley.media.codec.AudioDecoder;
import dev.parley.media.codec.AudioEncoder;
import dev.parley.media.codec.G722Codec;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * G.722 on one 20 ms frame at 16 kHz (320 samples, 160 bytes): the encode a wideband listener's frame
 * costs and the decode every received G.722 packet costs. Speech-like input in both sub-bands: a tone
 * below 4 kHz, one above, and noise.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class G722Benchmark {
  static final int FRAME = 320;

  private AudioEncoder encoder;
  private AudioDecoder decoder;
  private final short[] pcm = new short[FRAME];
  private final byte[] encoded = new byte[FRAME / 2];
  private final short[] decoded = new short[FRAME];

  @Setup(Level.Trial)
  public void setUp() {
    encoder = G722Codec.INSTANCE.newEncoder(16000, FRAME, null);
    decoder = G722Codec.INSTANCE.newDecoder(16000);
    short[] low = Frames.tone(FRAME, 16000, 440, 9000);
    short[] high = Frames.tone(FRAME, 16000, 5000, 3000);
    short[] noise = Frames.noise(FRAME, 300, 7);
    for (int i = 0; i < FRAME; i++) pcm[i] = (short) (low[i] + high[i] + noise[i]);
    encoder.encode(pcm, 0, FRAME, encoded, 0);
  }

  /** 320 samples to 160 bytes. */
  @Benchmark
  public int encodeFrame() {
    return encoder.encode(pcm, 0, FRAME, encoded, 0);
  }

  /** 160 bytes to 320 samples. */
  @Benchmark
  public int decodeFrame() {
    return decoder.decode(encoded, 0, FRAME / 2, decoded, 0);
  }
}
