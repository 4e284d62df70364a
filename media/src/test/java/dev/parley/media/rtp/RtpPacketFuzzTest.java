package dev.parley.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Feeds random and mutated bytes to {@link RtpPacket#wrap}: it must never throw, and whenever it
 * accepts a packet the payload it reports must lie inside the bytes it was given. Seeded, so a failure
 * reproduces; the seed is in the message.
 */
class RtpPacketFuzzTest {
  private static final long SEED = 0x5EED_2025L;
  private static final int ROUNDS = 200_000;

  @Test
  void randomBytesNeverBreakTheParser() {
    Random random = new Random(SEED);
    RtpPacket p = new RtpPacket();
    byte[] buf = new byte[300];
    int accepted = 0;
    for (int round = 0; round < ROUNDS; round++) {
      random.nextBytes(buf);
      // Bias half the rounds towards version 2 so the deeper checks are reached, not only the first.
      if ((round & 1) == 0) buf[0] = (byte) (0x80 | (buf[0] & 0x3F));
      int off = random.nextInt(20);
      int len = random.nextInt(buf.length - off + 1);
      if (p.wrap(buf, off, len)) {
        accepted++;
        String at = "seed " + SEED + " round " + round;
        assertThat(p.payloadOffset()).as(at).isBetween(off + 12, off + len);
        assertThat(p.payloadLength()).as(at).isBetween(0, off + len - p.payloadOffset());
        assertThat(p.sequence()).as(at).isBetween(0, 65535);
        assertThat(p.timestamp()).as(at).isBetween(0L, 0xFFFFFFFFL);
        assertThat(p.ssrc()).as(at).isBetween(0L, 0xFFFFFFFFL);
        assertThat(p.payloadType()).as(at).isBetween(0, 127);
      }
      RtpPacket.looksLikeRtcp(buf, off, len);
    }
    // The biased rounds must exercise the accepting path, or this test would prove little.
    assertThat(accepted).isGreaterThan(ROUNDS / 20);
  }

  @Test
  void everyTruncationOfAValidPacketIsRejectedOrConsistent() {
    Random random = new Random(SEED + 1);
    RtpPacket p = new RtpPacket();
    for (int round = 0; round < 5_000; round++) {
      int cc = random.nextInt(16);
      int extWords = random.nextBoolean() ? random.nextInt(4) : -1;
      int payload = random.nextInt(40);
      int padding = random.nextBoolean() ? 1 + random.nextInt(8) : 0;
      int size = 12 + 4 * cc + (extWords >= 0 ? 4 + 4 * extWords : 0) + payload + padding;
      byte[] buf = new byte[size];
      random.nextBytes(buf);
      RtpPacket.writeHeader(buf, 0, false, 0, 1, 1, 1);
      buf[0] = (byte) (0x80 | (padding > 0 ? 0x20 : 0) | (extWords >= 0 ? 0x10 : 0) | cc);
      if (extWords >= 0) {
        buf[12 + 4 * cc + 2] = 0;
        buf[12 + 4 * cc + 3] = (byte) extWords;
      }
      if (padding > 0) buf[size - 1] = (byte) padding;
      assertThat(p.wrap(buf, 0, size)).as("round %d whole", round).isTrue();
      assertThat(p.payloadLength()).isEqualTo(payload);
      for (int len = 0; len < size; len++) {
        if (p.wrap(buf, 0, len)) {
          // A shorter packet can only be valid by reading a different byte as the padding count.
          assertThat(p.payloadOffset() + p.payloadLength()).isLessThanOrEqualTo(len);
        }
      }
    }
  }
}
