package dev.parley.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RtpPacketTest {
  private final RtpPacket p = new RtpPacket();

  @Test
  void writeHeaderProducesAPacketThatParsesBack() {
    byte[] buf = new byte[200];
    int h = RtpPacket.writeHeader(buf, 20, true, 8, 65535, 0xFFFFFFFFL, 0x80000001L);
    assertThat(h).isEqualTo(12);
    for (int i = 0; i < 160; i++) buf[20 + h + i] = (byte) i;

    assertThat(p.wrap(buf, 20, h + 160)).isTrue();
    assertThat(p.buffer()).isSameAs(buf);
    assertThat(p.marker()).isTrue();
    assertThat(p.payloadType()).isEqualTo(8);
    assertThat(p.sequence()).isEqualTo(65535);
    assertThat(p.timestamp()).isEqualTo(0xFFFFFFFFL);
    assertThat(p.ssrc()).isEqualTo(0x80000001L);
    assertThat(p.payloadOffset()).isEqualTo(32);
    assertThat(p.payloadLength()).isEqualTo(160);
  }

  @Test
  void writeHeaderLaysOutTheBytesOfRfc3550() {
    byte[] buf = new byte[12];
    RtpPacket.writeHeader(buf, 0, false, 0, 0x1234, 0x01020304L, 0xA0B0C0D0L);
    assertThat(buf).containsExactly(
        0x80, 0x00, 0x12, 0x34, 0x01, 0x02, 0x03, 0x04, 0xA0, 0xB0, 0xC0, 0xD0);
  }

  @Test
  void writeHeaderMasksValuesToTheirFields() {
    byte[] buf = new byte[12];
    RtpPacket.writeHeader(buf, 0, false, 0x80 | 5, 0x1_0007, 0x1_0000_0009L, -1L);
    assertThat(p.wrap(buf, 0, 12)).isTrue();
    assertThat(p.marker()).isFalse();
    assertThat(p.payloadType()).isEqualTo(5);
    assertThat(p.sequence()).isEqualTo(7);
    assertThat(p.timestamp()).isEqualTo(9);
    assertThat(p.ssrc()).isEqualTo(0xFFFFFFFFL);
  }

  @Test
  void theViewIsReusedForTheNextPacket() {
    byte[] a = new byte[40];
    byte[] b = new byte[40];
    RtpPacket.writeHeader(a, 0, false, 0, 1, 100, 7);
    RtpPacket.writeHeader(b, 4, true, 8, 2, 200, 9);
    assertThat(p.wrap(a, 0, 40)).isTrue();
    assertThat(p.sequence()).isEqualTo(1);
    assertThat(p.wrap(b, 4, 30)).isTrue();
    assertThat(p.buffer()).isSameAs(b);
    assertThat(p.sequence()).isEqualTo(2);
    assertThat(p.payloadOffset()).isEqualTo(16);
    assertThat(p.payloadLength()).isEqualTo(18);
  }

  @Test
  void rejectsRangesOutsideTheArray() {
    byte[] buf = new byte[20];
    RtpPacket.writeHeader(buf, 8, false, 0, 1, 1, 1);
    assertThat(p.wrap(buf, 8, 13)).as("a valid header, but the range runs past the array").isFalse();
    assertThat(p.wrap(buf, 10, 12)).isFalse();
    assertThat(p.wrap(buf, -1, 12)).isFalse();
    assertThat(p.wrap(buf, 0, -1)).isFalse();
    assertThat(p.wrap(buf, Integer.MAX_VALUE, 12)).isFalse();
    assertThat(p.wrap(null, 0, 12)).isFalse();
    assertThat(p.wrap(buf, 8, 11)).isFalse();
    assertThat(p.wrap(buf, 8, 12)).isTrue();
  }

  @Test
  void csrcsAndExtensionAreSkippedAndPaddingExcluded() {
    byte[] buf = new byte[12 + 8 + 8 + 5 + 3];
    RtpPacket.writeHeader(buf, 0, false, 0, 1, 1, 1);
    buf[0] = (byte) (0x80 | 0x20 | 0x10 | 2); // P, X, CC=2
    buf[12 + 8 + 3] = 1; // extension length: one word
    buf[buf.length - 1] = 3;
    assertThat(p.wrap(buf, 0, buf.length)).isTrue();
    assertThat(p.payloadOffset()).isEqualTo(12 + 8 + 8);
    assertThat(p.payloadLength()).isEqualTo(5);
  }

  @Test
  void validatesThePaddingCount() {
    byte[] buf = new byte[16];
    RtpPacket.writeHeader(buf, 0, false, 0, 1, 1, 1);
    buf[0] |= 0x20;
    buf[15] = 4;
    assertThat(p.wrap(buf, 0, 16)).as("all four bytes after the header are padding").isTrue();
    assertThat(p.payloadLength()).isZero();
    buf[15] = 5;
    assertThat(p.wrap(buf, 0, 16)).as("padding reaching into the header").isFalse();
    buf[15] = 0;
    assertThat(p.wrap(buf, 0, 16)).as("a padding count includes itself, so 0 is invalid").isFalse();
    assertThat(p.wrap(buf, 0, 12)).as("P set but nothing after the header").isFalse();
  }

  @Test
  void looksLikeRtcpFollowsRfc5761() {
    byte[] buf = new byte[8];
    buf[0] = (byte) 0x80;
    for (int type = 0; type < 256; type++) {
      buf[1] = (byte) type;
      assertThat(RtpPacket.looksLikeRtcp(buf, 0, 8)).as("type %d", type).isEqualTo(type >= 192 && type <= 223);
    }
    buf[1] = (byte) 200;
    assertThat(RtpPacket.looksLikeRtcp(buf, 0, 1)).isFalse();
    assertThat(RtpPacket.looksLikeRtcp(buf, 7, 2)).isFalse();
    assertThat(RtpPacket.looksLikeRtcp(null, 0, 8)).isFalse();
  }

  @Test
  void rtpPayloadTypesNeverLookLikeRtcp() {
    byte[] buf = new byte[12];
    for (int pt = 0; pt < 128; pt++) {
      for (boolean marker : new boolean[] {false, true}) {
        RtpPacket.writeHeader(buf, 0, marker, pt, 1, 1, 1);
        boolean rtcpRange = (marker ? 128 + pt : pt) >= 192 && (marker ? 128 + pt : pt) <= 223;
        // RFC 5761 §4 reserves payload types 64..95 for this reason: with M set they collide.
        assertThat(RtpPacket.looksLikeRtcp(buf, 0, 12)).as("pt %d marker %s", pt, marker).isEqualTo(rtcpRange);
        if (rtcpRange) assertThat(pt).isBetween(64, 95);
      }
    }
  }
}
