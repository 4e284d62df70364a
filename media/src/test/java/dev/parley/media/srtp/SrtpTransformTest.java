package dev.parley.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Round trips, tag lengths, forgery, replay and rollover of {@link SrtpTransform}. */
class SrtpTransformTest {
  private static final SrtpKeys KEYS = SrtpKeys.random(SrtpSuite.AES_CM_128_HMAC_SHA1_80);

  @Test
  void roundTripRestoresThePacketAndHidesThePayload() {
    SrtpTransform tx = new SrtpTransform(KEYS);
    SrtpTransform rx = new SrtpTransform(KEYS);
    byte[] plain = rtp(1000, 0x11223344L, 160);
    byte[] buf = Arrays.copyOf(plain, 400);
    int n = tx.protectRtp(buf, 0, 172);
    assertThat(n).isEqualTo(182);
    assertThat(Arrays.copyOfRange(buf, 0, 12)).isEqualTo(Arrays.copyOfRange(plain, 0, 12));
    assertThat(Arrays.copyOfRange(buf, 12, 172)).isNotEqualTo(Arrays.copyOfRange(plain, 12, 172));
    assertThat(rx.unprotectRtp(buf, 0, n)).isEqualTo(172);
    assertThat(Arrays.copyOf(buf, 172)).isEqualTo(Arrays.copyOf(plain, 172));
  }

  @Test
  void theShortTagSuiteAddsFourBytes() {
    SrtpKeys k = SrtpKeys.random(SrtpSuite.AES_CM_128_HMAC_SHA1_32);
    byte[] buf = Arrays.copyOf(rtp(7, 5, 160), 400);
    int n = new SrtpTransform(k).protectRtp(buf, 0, 172);
    assertThat(n).isEqualTo(176);
    assertThat(new SrtpTransform(k).unprotectRtp(buf, 0, n)).isEqualTo(172);
  }

  @Test
  void aFlippedBitOrAnotherKeyIsRejected() {
    byte[] buf = Arrays.copyOf(rtp(1, 9, 160), 400);
    int n = new SrtpTransform(KEYS).protectRtp(buf, 0, 172);
    byte[] forged = buf.clone();
    forged[40] ^= 1;
    assertThat(new SrtpTransform(KEYS).unprotectRtp(forged, 0, n)).isEqualTo(SrtpTransform.REJECTED);
    SrtpTransform other = new SrtpTransform(SrtpKeys.random(SrtpSuite.AES_CM_128_HMAC_SHA1_80));
    assertThat(other.unprotectRtp(buf.clone(), 0, n)).isEqualTo(SrtpTransform.REJECTED);
    // A forged packet left no state behind: the genuine one still passes.
    SrtpTransform rx = new SrtpTransform(KEYS);
    assertThat(rx.unprotectRtp(forged, 0, n)).isEqualTo(SrtpTransform.REJECTED);
    assertThat(rx.unprotectRtp(buf, 0, n)).isEqualTo(172);
  }

  @Test
  void replaysAndPacketsOlderThanTheWindowAreRejectedReorderingIsNot() {
    SrtpTransform tx = new SrtpTransform(KEYS);
    SrtpTransform rx = new SrtpTransform(KEYS);
    byte[][] wire = new byte[100][];
    for (int i = 0; i < 100; i++) {
      byte[] b = Arrays.copyOf(rtp(500 + i, 77, 20), 64);
      int n = tx.protectRtp(b, 0, 32);
      wire[i] = Arrays.copyOf(b, n);
    }
    assertThat(rx.unprotectRtp(wire[0].clone(), 0, 42)).isEqualTo(32);
    assertThat(rx.unprotectRtp(wire[0].clone(), 0, 42)).isEqualTo(SrtpTransform.REJECTED);
    assertThat(rx.unprotectRtp(wire[5].clone(), 0, 42)).isEqualTo(32);
    assertThat(rx.unprotectRtp(wire[3].clone(), 0, 42)).isEqualTo(32); // late, inside the window
    assertThat(rx.unprotectRtp(wire[99].clone(), 0, 42)).isEqualTo(32);
    assertThat(rx.unprotectRtp(wire[4].clone(), 0, 42)).isEqualTo(SrtpTransform.REJECTED); // 95 behind
    assertThat(rx.unprotectRtp(wire[40].clone(), 0, 42)).isEqualTo(32); // 59 behind: still inside
  }

  @Test
  void theRolloverCounterFollowsTheSequenceWrap() {
    SrtpTransform tx = new SrtpTransform(KEYS);
    SrtpTransform rx = new SrtpTransform(KEYS);
    SrtpTransform reference = new SrtpTransform(KEYS);
    for (int i = 0; i < 70_000; i++) {
      int seq = (65_000 + i) & 0xffff;
      byte[] b = Arrays.copyOf(rtp(seq, 3, 20), 64);
      int n = tx.protectRtp(b, 0, 32);
      assertThat(rx.unprotectRtp(b, 0, n)).as("packet %d", i).isEqualTo(32);
      if (i == 69_999) {
        // After the wrap the ROC is 1 and enters the tag: a receiver that saw nothing (ROC 0) rejects it.
        byte[] c = Arrays.copyOf(rtp(seq, 3, 20), 64);
        int m = tx.protectRtp(c, 0, 32);
        assertThat(reference.unprotectRtp(c, 0, m)).isEqualTo(SrtpTransform.REJECTED);
      }
    }
  }

  @Test
  void rtcpRoundTripAndForgery() {
    SrtpTransform tx = new SrtpTransform(KEYS);
    SrtpTransform rx = new SrtpTransform(KEYS);
    byte[] plain = new byte[52];
    plain[0] = (byte) 0x80;
    plain[1] = (byte) 200;
    plain[3] = 12;
    plain[7] = 42;
    for (int i = 8; i < plain.length; i++) plain[i] = (byte) i;
    byte[] buf = Arrays.copyOf(plain, 128);
    int n = tx.protectRtcp(buf, 0, plain.length);
    assertThat(n).isEqualTo(plain.length + 14);
    byte[] forged = buf.clone();
    forged[20] ^= 4;
    assertThat(rx.unprotectRtcp(forged, 0, n)).isEqualTo(SrtpTransform.REJECTED);
    assertThat(rx.unprotectRtcp(buf, 0, n)).isEqualTo(plain.length);
    assertThat(Arrays.copyOf(buf, plain.length)).isEqualTo(plain);
  }

  @Test
  void malformedInputIsRejectedNotThrown() {
    SrtpTransform t = new SrtpTransform(KEYS);
    assertThat(t.unprotectRtp(new byte[5], 0, 5)).isEqualTo(SrtpTransform.REJECTED);
    assertThat(t.unprotectRtp(new byte[30], 0, 30)).isEqualTo(SrtpTransform.REJECTED); // version 0
    assertThat(t.unprotectRtcp(new byte[10], 0, 10)).isEqualTo(SrtpTransform.REJECTED);
    byte[] ext = rtp(1, 1, 4);
    ext[0] = (byte) 0x90; // extension bit set, but its header runs past the end
    assertThat(t.unprotectRtp(ext, 0, 16)).isEqualTo(SrtpTransform.REJECTED);
  }

  @Test
  void protectAndUnprotectAllocateNothing() {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    SrtpTransform tx = new SrtpTransform(KEYS);
    SrtpTransform rx = new SrtpTransform(KEYS);
    byte[] buf = new byte[400];
    byte[] rtcp = new byte[128];
    long sum = 0;
    for (int round = 0; round < 2; round++) {
      long before = threads.getCurrentThreadAllocatedBytes();
      for (int i = 0; i < 20_000; i++) {
        byte[] p = buf;
        int seq = round * 20_000 + i;
        p[0] = (byte) 0x80;
        p[2] = (byte) (seq >>> 8);
        p[3] = (byte) seq;
        p[11] = 9;
        int n = tx.protectRtp(p, 0, 172);
        sum += rx.unprotectRtp(p, 0, n);
        rtcp[0] = (byte) 0x80;
        rtcp[1] = (byte) 200;
        int m = tx.protectRtcp(rtcp, 0, 52);
        sum += rx.unprotectRtcp(rtcp, 0, m);
      }
      long allocated = threads.getCurrentThreadAllocatedBytes() - before;
      if (round == 1) assertThat(allocated).isZero();
    }
    assertThat(sum).isEqualTo(2L * 20_000 * (172 + 52));
  }

  static byte[] rtp(int seq, long ssrc, int payload) {
    byte[] b = new byte[12 + payload];
    b[0] = (byte) 0x80;
    b[1] = 0;
    b[2] = (byte) (seq >>> 8);
    b[3] = (byte) seq;
    b[8] = (byte) (ssrc >>> 24);
    b[9] = (byte) (ssrc >>> 16);
    b[10] = (byte) (ssrc >>> 8);
    b[11] = (byte) ssrc;
    for (int i = 12; i < b.length; i++) b[i] = (byte) (i * 7);
    return b;
  }
}
