package dev.parley.bench;

import dev.parley.media.codec.AudioDecoder;
import dev.parley.media.codec.AudioEncoder;
import dev.parley.media.codec.OpusCodec;
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
 * Opus (Concentus) on one 20 ms frame at the room's rate, with the settings the media path uses (VoIP,
 * mono, complexity 5, FEC on, 24 kbit/s wideband or 32 kbit/s fullband). Decoding cycles through 50
 * different packets, as a stream does.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OpusBenchmark {
  @Param({"16000", "48000"})
  public int rate;

  private int frame;
  private AudioEncoder encoder;
  private AudioDecoder decoder;
  private short[] pcm;
  private short[] decoded;
  private final byte[] out = new byte[1500];
  private final byte[][] packets = new byte[50][];
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    frame = rate / 50;
    encoder = OpusCodec.INSTANCE.newEncoder(rate, frame, "useinbandfec=1");
    decoder = OpusCodec.INSTANCE.newDecoder(rate);
    pcm = new short[frame];
    decoded = new short[frame];
    short[] tone = Frames.tone(frame * 50, rate, 440, 9000);
    short[] noise = Frames.noise(frame * 50, 600, 7);
    for (int p = 0; p < packets.length; p++) {
      for (int i = 0; i < frame; i++) pcm[i] = (short) (tone[p * frame + i] + noise[p * frame + i]);
      int n = encoder.encode(pcm, 0, frame, out, 0);
      packets[p] = java.util.Arrays.copyOf(out, n);
    }
  }

  /** One 20 ms frame to one packet. */
  @Benchmark
  public int encodeFrame() {
    return encoder.encode(pcm, 0, frame, out, 0);
  }

  /** One packet to 20 ms of samples. */
  @Benchmark
  public int decodeFrame() {
    byte[] p = packets[next];
    next = (next + 1) % packets.length;
    return decoder.decode(p, 0, p.length, decoded, 0);
  }
}
