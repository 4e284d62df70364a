package dev.parley.media.jitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.media.jitter.JitterBuffer.Playout;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What the scenario files cannot express well: arguments, memory, reset, shrink speed, and soak. */
class JitterBufferTest {
  private static final long MS = 1_000_000L;

  private final JitterBuffer buffer = new JitterBuffer(JitterBufferConfig.defaults(8000));
  private final short[] out = new short[400];

  private static short[] frame(int value) {
    short[] pcm = new short[160];
    Arrays.fill(pcm, (short) value);
    return pcm;
  }

  /** Two packets and a read: the buffer is playing. */
  private void startPlaying() {
    buffer.put(1, 1, 0, frame(100), 0, 160, 0);
    buffer.put(1, 2, 160, frame(200), 0, 160, 20 * MS);
    assertThat(buffer.read(out, 0, 160)).isEqualTo(Playout.AUDIO);
  }

  @Test
  void configRejectsImpossibleSizes() {
    assertThatThrownBy(() -> new JitterBufferConfig(8000, 50, 40, 1000)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new JitterBufferConfig(8000, -1, 40, 1000)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new JitterBufferConfig(8000, 20, 200, 200)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new JitterBufferConfig(0, 20, 200, 1000)).isInstanceOf(IllegalArgumentException.class);
    assertThat(JitterBufferConfig.defaults(16000)).isEqualTo(new JitterBufferConfig(16000, 20, 200, 1000));
  }

  @Test
  void anEmptyBufferReadsSilenceIntoExactlyTheRangeAsked() {
    Arrays.fill(out, (short) 7);
    assertThat(buffer.read(out, 10, 160)).isEqualTo(Playout.SILENCE);
    assertThat(out[9]).isEqualTo((short) 7);
    assertThat(out[170]).isEqualTo((short) 7);
    for (int i = 10; i < 170; i++) assertThat(out[i]).isZero();
    assertThat(buffer.read(out, 0, 0)).isEqualTo(Playout.SILENCE);
  }

  @Test
  void badReadArgumentsThrowWithoutChangingState() {
    assertThatThrownBy(() -> buffer.read(out, 300, 160)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> buffer.read(out, 0, -1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> buffer.read(new short[9000], 0, 8001)).isInstanceOf(IllegalArgumentException.class);
    startPlaying();
  }

  @Test
  void emptyAndOversizedPacketsAreCountedAndIgnored() {
    buffer.put(1, 1, 0, new short[0], 0, 0, 0);
    buffer.put(1, 2, 0, new short[9000], 0, 8001, 0);
    assertThat(buffer.stats().received()).isEqualTo(2);
    assertThat(buffer.read(out, 0, 160)).isEqualTo(Playout.SILENCE);
    startPlaying(); // the ignored packets did not start a stream
    assertThat(buffer.stats().resyncs()).isZero();
  }

  @Test
  void putCopiesTheSamplesAndHonoursOffsetAndCount() {
    short[] pcm = new short[200];
    Arrays.fill(pcm, (short) 5);
    pcm[19] = 99;
    pcm[180] = 99;
    buffer.put(1, 1, 0, pcm, 20, 160, 0);
    buffer.put(1, 2, 160, pcm, 20, 160, 20 * MS);
    Arrays.fill(pcm, (short) -1); // the caller reuses its scratch array at once
    assertThat(buffer.read(out, 0, 160)).isEqualTo(Playout.AUDIO);
    for (int i = 0; i < 160; i++) assertThat(out[i]).isEqualTo((short) 5);
  }

  @Test
  void resetForgetsTheStreamButKeepsTheCounters() {
    startPlaying();
    buffer.reset();
    assertThat(buffer.read(out, 0, 160)).as("no concealment of the forgotten stream").isEqualTo(Playout.SILENCE);
    assertThat(buffer.stats().received()).isEqualTo(2);
    assertThat(buffer.stats().currentDelayMs()).isZero();
    // A packet of another timeline after reset is a fresh start, not a resync.
    buffer.put(1, 900, 5_000_000, frame(300), 0, 160, 1000 * MS);
    buffer.put(1, 901, 5_000_160, frame(400), 0, 160, 1020 * MS);
    assertThat(buffer.read(out, 0, 160)).isEqualTo(Playout.AUDIO);
    assertThat(out[0]).isEqualTo((short) 300);
    assertThat(buffer.stats().resyncs()).isZero();
  }

  @Test
  void quietAudioIsShrunkFasterThanLoudAudio() {
    assertThat(readsToShrink(20)).isLessThan(readsToShrink(8000) / 2);
  }

  /**
   * Builds 180 ms of delay at once (a burst after a stall), then counts reads from the first that cuts
   * until it is shed (shrinking waits until no packet in its window arrived with a small margin).
   */
  private static int readsToShrink(int level) {
    JitterBuffer b = new JitterBuffer(JitterBufferConfig.defaults(8000));
    short[] pcm = frame(level);
    short[] o = new short[160];
    int seq = 0;
    long t = 0;
    for (; seq < 2; seq++, t += 20) b.put(1, seq, seq * 160L, pcm, 0, 160, t * MS);
    b.read(o, 0, 160);
    for (int i = 0; i < 9; i++, seq++) b.put(1, seq, seq * 160L, pcm, 0, 160, t * MS); // a burst
    int reads = 0;
    for (int i = 0; i < 1000; i++) {
      t += 20;
      b.put(1, seq, seq * 160L, pcm, 0, 160, t * MS);
      seq++;
      assertThat(b.read(o, 0, 160)).isEqualTo(Playout.AUDIO);
      if (b.stats().shortenedReads() > 0) reads++;
      if (b.stats().currentDelayMs() <= 30) return reads;
    }
    throw new AssertionError("never shrank");
  }

  @Test
  void putAndReadAllocateNothing() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    short[] pcm = frame(1000);
    Random random = new Random(1);
    long[] arrivals = new long[20_000];
    for (int i = 0; i < arrivals.length; i++) arrivals[i] = (i * 20L + random.nextInt(30)) * MS;
    run(pcm, arrivals, 0, 2_000); // warm up: class loading, JIT
    long before = threads.getCurrentThreadAllocatedBytes();
    run(pcm, arrivals, 2_000, arrivals.length);
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertThat(allocated).as("bytes allocated by 18000 puts and reads").isZero();
  }

  private void run(short[] pcm, long[] arrivals, int from, int to) {
    for (int i = from; i < to; i++) {
      if (i % 50 != 7) buffer.put(42, i & 0xFFFF, i * 160L, pcm, 0, 160, arrivals[i]);
      buffer.read(out, 0, 160);
      buffer.stats().currentDelayMs();
    }
  }

  /**
   * Random abuse (loss, duplicates, reordering, jumps, source changes, odd sizes and read sizes): every
   * read fills its range, nothing throws, and the counters stay consistent. Seeded, so it reproduces.
   */
  @Test
  void soakNeverBreaks() {
    Random random = new Random(0xB0FFE7);
    short[] pcm = new short[3000];
    Arrays.fill(pcm, (short) 1234);
    short[] o = new short[2000];
    long ssrc = 1;
    int seq = 65000;
    long ts = 0xFFFF0000L;
    long t = 0;
    long reads = 0;
    for (int step = 0; step < 100_000; step++) {
      int r = random.nextInt(1000);
      int samples = r < 5 ? random.nextInt(3000) : 80 * (1 + random.nextInt(3));
      if (r < 2) ssrc = random.nextInt(3);
      if (r >= 2 && r < 4) ts += random.nextInt();
      if (r >= 4 && r < 6) seq += random.nextInt(70000);
      if (r >= 6 && r < 8) t += random.nextInt(5000);
      int copies = r < 100 ? 0 : r < 130 ? 2 : 1; // loss and duplicates
      long sendTs = r >= 130 && r < 160 ? ts - 160L * random.nextInt(20) : ts; // stragglers
      for (int c = 0; c < copies; c++) {
        buffer.put(ssrc, seq, sendTs & 0xFFFFFFFFL, pcm, 0, Math.min(samples, pcm.length), (t + random.nextInt(80)) * MS);
      }
      seq = (seq + 1) & 0xFFFF;
      ts += samples;
      t += samples / 8;
      while (reads * 20 < t) {
        int count = random.nextInt(10) == 0 ? random.nextInt(1500) : 160;
        Arrays.fill(o, (short) 7);
        Playout p = buffer.read(o, 100, count);
        // Plain checks: assertions per sample would dominate the run time.
        if (o[99] != 7 || o[100 + count] != 7) throw new AssertionError("wrote outside the range, step " + step);
        if (p == Playout.SILENCE) {
          for (int i = 100; i < 100 + count; i++) {
            if (o[i] != 0) throw new AssertionError("SILENCE with a sample " + o[i] + ", step " + step);
          }
        }
        reads++;
      }
    }
    JitterStats s = buffer.stats();
    assertThat(s.received()).isGreaterThan(75_000);
    assertThat(s.duplicates() + s.late()).isLessThan(s.received());
    assertThat(s.lostPackets()).isNotNegative();
    assertThat(s.currentDelayMs()).isBetween(0, 1000);
    assertThat(s.jitterMs()).isNotNegative().isFinite();
    assertThat(s.resyncs()).isPositive();
  }
}
