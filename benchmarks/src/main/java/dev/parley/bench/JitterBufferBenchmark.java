package dev.parley.bench;

import dev.parley.media.jitter.JitterBuffer;
import dev.parley.media.jitter.JitterBufferConfig;
import java.util.Arrays;
import java.util.SplittableRandom;
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
 * One member's jitter buffer for one 20 ms tick at 8 kHz: the packets that arrived since the last tick
 * are {@code put} (160 decoded samples each, as the engine does after decoding) and one 160-sample
 * frame is {@code read}. Time is simulated, so a tick is pure CPU.
 *
 * <ul>
 *   <li>{@code steady}: one packet per tick, exactly on time; after start-up every read is audio.
 *   <li>{@code jitter30ms}: each packet is late by a uniform 0..30 ms (seeded), so packets bunch up,
 *       arrive out of order and the buffer adapts its delay: the put, reorder, concealment and
 *       time-compression paths all run.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JitterBufferBenchmark {
  static final int FRAME = 160;
  static final long TICK_NANOS = 20_000_000L;
  /** Packets in one precomputed cycle of the arrival pattern (10 s). */
  static final int CYCLE = 500;

  @Param({"steady", "jitter30ms"})
  public String pattern;

  private JitterBuffer buffer;
  private final short[] pcm = Frames.tone(FRAME, 8000, 440, 8000);
  private final short[] out = new short[FRAME];
  /** Packet indices of one cycle in order of arrival, and their delay after their nominal time. */
  private final int[] order = new int[CYCLE];
  private final long[] lateNanos = new long[CYCLE];
  private long tick;
  private long cycle;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    int maxLateMs = switch (pattern) {
      case "steady" -> 0;
      case "jitter30ms" -> 30;
      default -> throw new IllegalArgumentException("unknown pattern " + pattern);
    };
    SplittableRandom random = new SplittableRandom(42);
    long[] keyed = new long[CYCLE];
    for (int i = 0; i < CYCLE; i++) {
      // The last packets of a cycle are on time, so no packet of the next cycle overtakes them.
      lateNanos[i] = i < CYCLE - 2 && maxLateMs > 0 ? random.nextLong(maxLateMs * 1_000_000L + 1) : 0;
      keyed[i] = (i * TICK_NANOS + lateNanos[i]) << 10 | i;
    }
    Arrays.sort(keyed);
    for (int i = 0; i < CYCLE; i++) order[i] = (int) (keyed[i] & 1023);
    buffer = new JitterBuffer(JitterBufferConfig.defaults(8000));
    tick = 0;
    cycle = 0;
    next = 0;
    JitterBuffer.Playout last = null;
    for (int t = 0; t < 2 * CYCLE; t++) last = tick();
    if (maxLateMs == 0 && last != JitterBuffer.Playout.AUDIO) {
      throw new IllegalStateException("a steady stream should play audio, not " + last);
    }
  }

  /** Puts every packet that has arrived by now, then reads one frame. */
  @Benchmark
  public JitterBuffer.Playout tick() {
    long now = tick * TICK_NANOS;
    while (true) {
      int i = order[next];
      long packet = cycle * CYCLE + i;
      long arrival = packet * TICK_NANOS + lateNanos[i];
      if (arrival > now) break;
      buffer.put(0x1234_5678L, (int) packet, packet * FRAME, pcm, 0, FRAME, arrival);
      if (++next == CYCLE) {
        next = 0;
        cycle++;
      }
    }
    tick++;
    return buffer.read(out, 0, FRAME);
  }
}
