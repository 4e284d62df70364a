package dev.parley.media.jitter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.media.jitter.JitterBuffer.Playout;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A stream locked to the mixer's clock (a trunk, another mixer, or a member that echoes what it hears)
 * whose packets arrive right at the read instant, a little before or after it, with a little jitter:
 * the margin of each packet is then one of two values a read apart. Once settled, the buffer must
 * play the input delayed by a constant number of samples, sample for sample: no time cut out (a phase
 * jump in a tone) and no frame held (a concealed one). The samples carry their own index, so any cut,
 * hold or concealment shows as a sample that is not the one after the previous.
 */
class PhaseLockedStreamTest {
  private static final int RATE = 8000, PACKET = 160, READ = 160;
  private static final int SECONDS = 30, SETTLE_SECONDS = 3;
  private static final long BASE_NANOS = Long.MAX_VALUE - 100_000_000_000L;
  private static final int RAMP = 30_000;

  /**
   * @param leadMs how long before each read its packet arrives, nominally (negative: after it)
   * @param jitterMs each arrival moves by a uniform random amount within plus or minus this
   */
  @ParameterizedTest(name = "lead {0} ms, jitter +-{1} ms, seed {2}")
  @CsvSource({
      "0.3, 0, 1", "-0.3, 0, 1", "0, 0, 1",
      "0.3, 0.5, 7", "-0.3, 0.5, 7", "0, 0.5, 7", "0.3, 0.5, 11", "-0.3, 0.5, 11",
      "0.3, 1, 7", "-0.3, 1, 7", "0, 1, 7", "0.5, 1, 11", "-0.5, 1, 11", "0, 1, 23"})
  void afterSettlingTheOutputIsTheInputDelayedByAConstant(double leadMs, double jitterMs, long seed) {
    JitterBuffer buffer = new JitterBuffer(JitterBufferConfig.defaults(RATE));
    Random random = new Random(seed);
    short[] pcm = new short[PACKET];
    short[] out = new short[READ];
    int packets = SECONDS * RATE / PACKET;
    double[] arrivalMs = new double[packets];
    for (int i = 0; i < packets; i++) {
      arrivalMs[i] = 1000 + i * 20.0 - leadMs + (2 * random.nextDouble() - 1) * jitterMs;
    }
    int next = 0;
    int reads = 0;
    int settledReads = 0;
    int notAudio = 0;
    int discontinuities = 0;
    int previous = -1;
    String first = null;
    while (next < packets) {
      double readAtMs = 1000 + reads * 20.0;
      if (arrivalMs[next] <= readAtMs) { // a packet and a read at once: the packet is read first
        for (int s = 0; s < PACKET; s++) pcm[s] = (short) ((next * PACKET + s) % RAMP);
        buffer.put(1, next, (long) next * PACKET, pcm, 0, PACKET, BASE_NANOS + Math.round(arrivalMs[next] * 1e6));
        next++;
        continue;
      }
      Playout playout = buffer.read(out, 0, READ);
      reads++;
      boolean settled = readAtMs >= 1000 + SETTLE_SECONDS * 1000;
      int jumps = 0;
      for (int s = 0; s < READ; s++) {
        if (previous >= 0 && out[s] != (previous + 1) % RAMP) jumps++;
        previous = out[s];
      }
      if (!settled) continue;
      settledReads++;
      if (playout != Playout.AUDIO) notAudio++;
      if (jumps > 0) discontinuities++;
      if (first == null && (playout != Playout.AUDIO || jumps > 0)) {
        first = String.format("first at %.2f s: %s with %d samples out of sequence, %s",
            readAtMs / 1000, playout, jumps, buffer.stats());
      }
    }
    assertThat(settledReads).isGreaterThan((SECONDS - SETTLE_SECONDS - 1) * 50);
    assertThat(notAudio + discontinuities)
        .as("reads held or concealed: %d, reads with time cut out or out of sequence: %d, of %d; %s",
            notAudio, discontinuities, settledReads, first)
        .isZero();
  }
}
