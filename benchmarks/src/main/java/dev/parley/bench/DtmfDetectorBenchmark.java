package dev.parley.bench;

import dev.parley.media.dsp.DtmfDetector;
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
 * In-band DTMF detection on one 20 ms frame at 8 kHz (160 samples): what every member without
 * telephone-event costs per tick. The cost does not depend on the signal (eight Goertzel filters per
 * sample, a classification per 102-sample block); the signals are there to show that.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DtmfDetectorBenchmark {
  static final int FRAME = 160;
  /** A second of audio, so frames fall at every offset against the detector's blocks. */
  static final int LENGTH = 8000;

  @Param({"silence", "noise", "key"})
  public String signal;

  private final short[] audio = new short[LENGTH];
  private DtmfDetector detector;
  private int position;
  private int digits;

  @Setup(Level.Trial)
  public void setUp() {
    switch (signal) {
      case "silence" -> {}
      case "noise" -> System.arraycopy(Frames.noise(LENGTH, 3000, 11), 0, audio, 0, LENGTH);
      case "key" -> {
        // '5' for 100 ms, 100 ms apart: the detector goes through its whole state machine.
        short[] row = Frames.tone(LENGTH, 8000, 770, 6000);
        short[] col = Frames.tone(LENGTH, 8000, 1336, 6000);
        for (int i = 0; i < LENGTH; i++) audio[i] = (i / 800) % 2 == 0 ? (short) (row[i] + col[i]) : 0;
      }
      default -> throw new IllegalArgumentException("no signal " + signal);
    }
    detector = new DtmfDetector(8000, (d, ms) -> digits++);
  }

  /** 160 samples through the detector. */
  @Benchmark
  public int processFrame() {
    detector.process(audio, position, FRAME);
    position += FRAME;
    if (position == LENGTH) position = 0;
    return digits;
  }
}
