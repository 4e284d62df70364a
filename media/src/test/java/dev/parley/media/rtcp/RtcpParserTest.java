package dev.parley.media.rtcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RtcpParserTest {
  private final RtcpParser parser = new RtcpParser();

  private static RtcpWriter.Block block() {
    RtcpWriter.Block b = new RtcpWriter.Block();
    b.ssrc = 0xcafebabeL;
    b.fractionLost = 12;
    b.cumulativeLost = 70_000;
    b.extendedHighest = 0x0001_0005L;
    b.jitter = 33;
    b.lastSr = 0xb7052000L;
    b.delaySinceLastSr = 0x00054000L;
    return b;
  }

  private static int compound(byte[] buf, boolean sr, boolean bye) {
    int n = RtcpWriter.report(buf, 0, 0x11223344L, sr ? 0xe1234567_89abcdefL : 0, 160_000, 250, 40_000, block());
    n += RtcpWriter.sdesCname(buf, n, 0x11223344L, "parley@127.0.0.1".getBytes(StandardCharsets.US_ASCII));
    if (bye) n += RtcpWriter.bye(buf, n, 0x11223344L);
    return n;
  }

  @Test
  void senderReportWithSdesAndByeRoundTrips() {
    byte[] buf = new byte[256];
    int n = compound(buf, true, true);
    assertThat(n % 4).isZero();
    assertThat(parser.parse(buf, 0, n)).isTrue();
    assertThat(parser.senderReport()).isTrue();
    assertThat(parser.senderSsrc()).isEqualTo(0x11223344L);
    assertThat(parser.ntpTimestamp()).isEqualTo(0xe1234567_89abcdefL);
    assertThat(parser.rtpTimestamp()).isEqualTo(160_000);
    assertThat(parser.senderPacketCount()).isEqualTo(250);
    assertThat(parser.senderOctetCount()).isEqualTo(40_000);
    assertThat(parser.blockCount()).isEqualTo(1);
    assertThat(parser.blockSsrc(0)).isEqualTo(0xcafebabeL);
    assertThat(parser.fractionLost(0)).isEqualTo(12);
    assertThat(parser.cumulativeLost(0)).isEqualTo(70_000);
    assertThat(parser.extendedHighestSequence(0)).isEqualTo(0x0001_0005L);
    assertThat(parser.jitter(0)).isEqualTo(33);
    assertThat(parser.lastSr(0)).isEqualTo(0xb7052000L);
    assertThat(parser.delaySinceLastSr(0)).isEqualTo(0x00054000L);
    assertThat(new String(buf, parser.cnameOffset(), parser.cnameLength(), StandardCharsets.US_ASCII))
        .isEqualTo("parley@127.0.0.1");
    assertThat(parser.bye()).isTrue();
  }

  @Test
  void receiverReportHasNoSenderInfo() {
    byte[] buf = new byte[256];
    int n = compound(buf, false, false);
    assertThat(parser.parse(buf, 0, n)).isTrue();
    assertThat(parser.senderReport()).isFalse();
    assertThat(parser.ntpTimestamp()).isZero();
    assertThat(parser.blockCount()).isEqualTo(1);
    assertThat(parser.jitter(0)).isEqualTo(33);
    assertThat(parser.bye()).isFalse();
  }

  @Test
  void negativeCumulativeLossKeepsItsSign() {
    byte[] buf = new byte[256];
    RtcpWriter.Block b = block();
    b.cumulativeLost = -3; // duplicates outnumber losses (§6.4.1)
    int n = RtcpWriter.report(buf, 0, 1, 0, 0, 0, 0, b);
    assertThat(parser.parse(buf, 0, n)).isTrue();
    assertThat(parser.cumulativeLost(0)).isEqualTo(-3);
  }

  @Test
  void unknownPacketTypesAreSkippedByTheirLength() {
    byte[] buf = new byte[256];
    int n = RtcpWriter.report(buf, 0, 7, 0, 0, 0, 0, null);
    // APP (204) with name "TEST" and 4 bytes of data, then XR-like 207 with one word.
    byte[] app = {(byte) 0x80, (byte) 204, 0, 3, 0, 0, 0, 7, 'T', 'E', 'S', 'T', 1, 2, 3, 4,
        (byte) 0x80, (byte) 207, 0, 1, 0, 0, 0, 7};
    System.arraycopy(app, 0, buf, n, app.length);
    n += app.length;
    n += RtcpWriter.sdesCname(buf, n, 7, "x".getBytes(StandardCharsets.US_ASCII));
    assertThat(parser.parse(buf, 0, n)).isTrue();
    assertThat(parser.skippedPackets()).isEqualTo(2);
    assertThat(parser.cnameLength()).isEqualTo(1);
  }

  @Test
  void paddingOnTheLastPacketIsAllowed() {
    byte[] buf = new byte[256];
    int n = RtcpWriter.report(buf, 0, 7, 0, 0, 0, 0, null);
    int bye = n;
    n += RtcpWriter.bye(buf, n, 7);
    buf[bye] |= 0x20;
    buf[bye + 3] = 2; // two words
    buf[n] = 0;
    buf[n + 1] = 0;
    buf[n + 2] = 0;
    buf[n + 3] = 4;
    n += 4;
    assertThat(parser.parse(buf, 0, n)).isTrue();
    assertThat(parser.bye()).isTrue();
  }

  @Test
  void rejectsWhatAppendixA2Rejects() {
    byte[] buf = new byte[256];
    int n = compound(buf, true, false);
    byte[] v1 = buf.clone();
    v1[0] = (byte) ((v1[0] & 0x3f) | 0x40);
    assertThat(parser.parse(v1, 0, n)).as("version 1").isFalse();
    assertThat(parser.parse(buf, 0, n - 4)).as("lengths do not add up").isFalse();
    assertThat(parser.parse(buf, 0, 7)).as("too short").isFalse();
    byte[] sdesFirst = new byte[256];
    int m = RtcpWriter.sdesCname(sdesFirst, 0, 1, "a".getBytes(StandardCharsets.US_ASCII));
    assertThat(parser.parse(sdesFirst, 0, m)).as("not SR/RR first").isFalse();
    byte[] padFirst = buf.clone();
    padFirst[0] |= 0x20;
    assertThat(parser.parse(padFirst, 0, n)).as("padding before the last packet").isFalse();
    byte[] tooManyBlocks = buf.clone();
    tooManyBlocks[0] = (byte) 0x85; // says five blocks, holds one
    assertThat(parser.parse(tooManyBlocks, 0, n)).as("blocks past the length").isFalse();
  }

  @Test
  void fuzzedBytesNeverThrow() {
    Random r = new Random(7);
    byte[] valid = new byte[256];
    int n = compound(valid, true, true);
    byte[] buf = new byte[300];
    for (int i = 0; i < 200_000; i++) {
      int len;
      if (i % 2 == 0) {
        System.arraycopy(valid, 0, buf, 0, n);
        for (int k = 0; k < 1 + r.nextInt(4); k++) buf[r.nextInt(n)] = (byte) r.nextInt();
        len = r.nextInt(n + 1);
      } else {
        r.nextBytes(buf);
        buf[0] = (byte) (0x80 | (buf[0] & 0x3f));
        buf[1] = (byte) (200 + r.nextInt(6));
        len = r.nextInt(buf.length + 1);
      }
      boolean ok = parser.parse(buf, 0, len);
      if (ok) {
        assertThat(parser.blockCount()).isBetween(0, RtcpParser.MAX_BLOCKS);
        assertThat(parser.cnameOffset() + parser.cnameLength()).isLessThanOrEqualTo(len);
      }
    }
  }
}
