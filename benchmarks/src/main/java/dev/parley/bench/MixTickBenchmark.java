package dev.parley.bench;

import dev.parley.media.codec.AudioCodec;
import dev.parley.media.codec.PcmuCodec;
import dev.parley.media.mixer.MixMinus;
import dev.parley.media.mixer.TalkGate;
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
 * "Conference room with N members, K talking": the CPU work of one 20 ms mixer tick at 8 kHz, done
 * the way {@code RoomMedia.tick} does it, minus the sockets.
 *
 * <p>Per member: energy of its 160-sample frame, {@link TalkGate}, and {@link MixMinus#accumulate}
 * when the gate passes. Per listener: each talker gets its own {@code minus(acc, own)} and G.711
 * encode; every non-talker shares one {@code minus(acc, null)} and one encode per codec (all members
 * here use PCMU, so one). K talkers among N members therefore cost K + 1 encodes, not N.
 *
 * <p>{@link #everyListenerEncodes} is the same tick without the shared frame (each of the N
 * listeners gets its own minus and encode): the baseline the design is measured against.
 *
 * <p>Not included: the jitter-buffer read and the decode on receive ({@link JitterBufferBenchmark},
 * {@link G711Benchmark}), packetising and {@code DatagramChannel.send}. One tick every 20 ms means a
 * score of S µs/op uses S / 200 % of one core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MixTickBenchmark {
  static final int FRAME = 160;
  static final int ENERGY_LEVEL = 100;

  @Param({"2", "10", "100", "300", "1000"})
  public int members;

  /** How many members are over the energy gate: a number, or {@code all}. Capped at {@link #members}. */
  @Param({"1", "3", "all"})
  public String talkers;

  private final AudioCodec codec = PcmuCodec.INSTANCE;
  private short[][] in;
  private TalkGate[] gates;
  private boolean[] contributing;
  private final int[] acc = new int[FRAME];
  private final short[] out = new short[FRAME];
  private final short[] sharedPcm = new short[FRAME];
  private final byte[] sharedEncoded = new byte[FRAME * 2];
  private byte[][] encoded;

  @Setup(Level.Trial)
  public void setUp() {
    int k = "all".equals(talkers) ? members : Math.min(members, Integer.parseInt(talkers));
    if (k < 1) throw new IllegalArgumentException("talkers must be at least 1: " + talkers);
    in = new short[members][];
    gates = new TalkGate[members];
    contributing = new boolean[members];
    encoded = new byte[members][FRAME * 2];
    int step = members / k; // talkers spread over the member array: 0, step, 2*step, ...
    for (int m = 0; m < members; m++) {
      boolean talks = m % step == 0 && m / step < k;
      in[m] = talks ? Frames.tone(FRAME, 8000, 300 + (37 * m) % 3000, 4000) : Frames.noise(FRAME, 30, m);
      gates[m] = new TalkGate();
    }
    // Run the gates past their hangover so the measured ticks see the steady state, and check it.
    int talking = 0;
    for (int t = 0; t <= TalkGate.HANGOVER_FRAMES + 1; t++) talking = gateAndSum();
    if (talking != k) throw new IllegalStateException(talking + " members pass the gate, expected " + k);
  }

  /** Gates every member and sums the talkers; returns the number of talkers. */
  private int gateAndSum() {
    MixMinus.clear(acc, FRAME);
    int talking = 0;
    for (int m = 0; m < members; m++) {
      short[] frame = in[m];
      boolean pass = gates[m].pass(MixMinus.energy(frame, FRAME), ENERGY_LEVEL);
      contributing[m] = pass;
      if (pass) {
        MixMinus.accumulate(acc, frame, FRAME, MixMinus.UNITY_GAIN);
        talking++;
      }
    }
    return talking;
  }

  /** The tick as the engine does it: K personal encodes plus one shared one. Returns bytes encoded. */
  @Benchmark
  public int mixTick() {
    gateAndSum();
    int bytes = 0;
    boolean sharedReady = false;
    int sharedLength = 0;
    for (int m = 0; m < members; m++) {
      if (contributing[m]) {
        MixMinus.minus(acc, in[m], FRAME, MixMinus.UNITY_GAIN, out);
        bytes += codec.encode(out, 0, FRAME, encoded[m], 0);
      } else {
        if (!sharedReady) {
          MixMinus.minus(acc, null, FRAME, MixMinus.UNITY_GAIN, sharedPcm);
          sharedLength = codec.encode(sharedPcm, 0, FRAME, sharedEncoded, 0);
          sharedReady = true;
        }
        bytes += sharedLength;
      }
    }
    return bytes;
  }

  /** Baseline: every listener gets its own mix-minus and encode, talking or not. */
  @Benchmark
  public int everyListenerEncodes() {
    gateAndSum();
    int bytes = 0;
    for (int m = 0; m < members; m++) {
      MixMinus.minus(acc, contributing[m] ? in[m] : null, FRAME, MixMinus.UNITY_GAIN, out);
      bytes += codec.encode(out, 0, FRAME, encoded[m], 0);
    }
    return bytes;
  }
}
