package dev.parley.bench;

import dev.parley.media.dsp.Resampler;
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

/** The edge resampler on one 20 ms frame, for each conversion a member can need. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ResamplerBenchmark {
  @Param({"8000:16000", "16000:8000", "8000:48000", "48000:8000", "16000:48000", "48000:16000"})
  public String conversion;

  private Resampler resampler;
  private short[] in;
  private short[] out;

  @Setup(Level.Trial)
  public void setUp() {
    String[] p = conversion.split(":");
    int from = Integer.parseInt(p[0]), to = Integer.parseInt(p[1]);
    in = Frames.tone(from / 50, from, 440, 9000);
    out = new short[to / 50 + 1];
    resampler = new Resampler(from, to, in.length);
  }

  @Benchmark
  public int frame() {
    return resampler.process(in, 0, in.length, out, 0);
  }
}
