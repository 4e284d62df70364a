package dev.parley.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random bytes, offsets and lengths into {@link TelephoneEvent#wrap}: it never throws, refuses exactly
 * the ranges that cannot hold an event, and every field it reports is inside its range. Seeded.
 */
class TelephoneEventFuzzTest {
  private static final long SEED = 0x4733_2025L;

  @Test
  void garbagePayloadsNeverBreakTheParser() {
    Random random = new Random(SEED);
    TelephoneEvent e = new TelephoneEvent();
    byte[] buf = new byte[40];
    for (int round = 0; round < 200_000; round++) {
      random.nextBytes(buf);
      int off = random.nextInt(-2, buf.length + 2);
      int len = random.nextInt(-2, buf.length + 2);
      boolean fits = off >= 0 && len >= 4 && off + len <= buf.length;
      String at = "seed " + SEED + " round " + round;
      assertThat(e.wrap(buf, off, len)).as(at).isEqualTo(fits);
      if (fits) {
        assertThat(e.event()).as(at).isBetween(0, 255);
        assertThat(e.volume()).as(at).isBetween(0, 63);
        assertThat(e.duration()).as(at).isBetween(0, 0xFFFF);
        char d = e.digit();
        assertThat(d == 0 || "0123456789*#ABCD".indexOf(d) >= 0).as(at).isTrue();
      }
    }
  }
}
