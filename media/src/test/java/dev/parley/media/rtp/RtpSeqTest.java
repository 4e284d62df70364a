package dev.parley.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RtpSeqTest {
  @Test
  void sequenceDistanceIsSignedAcrossTheWrap() {
    assertThat(RtpSeq.diff(5, 3)).isEqualTo(2);
    assertThat(RtpSeq.diff(3, 5)).isEqualTo(-2);
    assertThat(RtpSeq.diff(2, 65534)).isEqualTo(4);
    assertThat(RtpSeq.diff(65534, 2)).isEqualTo(-4);
    assertThat(RtpSeq.diff(0, 65535)).isEqualTo(1);
    assertThat(RtpSeq.diff(7, 7)).isZero();
  }

  @Test
  void sequenceDistanceCoversHalfTheSpaceEachWay() {
    assertThat(RtpSeq.diff(32767, 0)).isEqualTo(32767);
    assertThat(RtpSeq.diff(32768, 0)).isEqualTo(-32768);
    assertThat(RtpSeq.diff(0, 32769)).isEqualTo(32767);
    for (int older = 0; older < 65536; older += 97) {
      for (int d = -32768; d < 32768; d += 251) {
        assertThat(RtpSeq.diff((older + d) & 0xFFFF, older)).isEqualTo(d);
      }
    }
  }

  @Test
  void sequenceInputsAreTakenModulo65536() {
    assertThat(RtpSeq.diff(65536 + 3, 1)).isEqualTo(2);
  }

  @Test
  void timestampDistanceIsSignedAcrossTheWrap() {
    assertThat(RtpSeq.tsDiff(160, 0)).isEqualTo(160);
    assertThat(RtpSeq.tsDiff(0, 160)).isEqualTo(-160);
    assertThat(RtpSeq.tsDiff(100, 0xFFFFFF00L)).isEqualTo(356);
    assertThat(RtpSeq.tsDiff(0xFFFFFF00L, 100)).isEqualTo(-356);
    assertThat(RtpSeq.tsDiff(0x7FFFFFFFL, 0)).isEqualTo(Integer.MAX_VALUE);
    assertThat(RtpSeq.tsDiff(0x80000000L, 0)).isEqualTo(Integer.MIN_VALUE);
    assertThat(RtpSeq.tsDiff(0x1_0000_0005L, 2)).isEqualTo(3);
  }
}
