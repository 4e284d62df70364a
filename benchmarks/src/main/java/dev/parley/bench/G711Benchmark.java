package dev.parley.bench;

import dev.parley.media.codec.AudioCodec;
import dev.parley.media.codec.Codecs;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * G.711 on one 20 ms frame at 8 kHz (160 samples, 160 bytes): the encode every listener's frame costs
 * and the decode every received packet costs. The input spans the mu-law and A-law segments (a loud
 * tone with low-level noise on top) so neither the encoder's segment search nor a branch predictor
 * sees one level only.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class G711Benchmark {
  static final int FRAME = 160;

  @Param({"PCMU", "PCMA"})
  public String codec;

  private AudioCodec c;
  private final short[] pcm = new short[FRAME];
  private final byte[] encoded = new byte[FRAME];
  private final short[] decoded = new short[FRAME];

  @Setup(Level.Trial)
  public void setUp() {
    c = Codecs.byName(codec);
    if (c == null) throw new IllegalArgumentException("no codec " + codec);
    short[] tone = Frames.tone(FRAME, 8000, 440, 12000);
    short[] noise = Frames.noise(FRAME, 200, 7);
    for (int i = 0; i < FRAME; i++) pcm[i] = (short) (tone[i] + noise[i]);
    c.encode(pcm, 0, FRAME, encoded, 0);
  }

  /** 160 samples to 160 bytes. */
  @Benchmark
  public int encodeFrame() {
    return c.encode(pcm, 0, FRAME, encoded, 0);
  }

  /** 160 bytes to 160 samples. */
  @Benchmark
  public int decodeFrame() {
    return c.decode(encoded, 0, FRAME, decoded, 0);
  }
}
