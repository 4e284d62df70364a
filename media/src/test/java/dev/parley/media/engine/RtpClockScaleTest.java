package dev.parley.media.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RtpClockScaleTest {
  @Test
  void g722TimestampsDoubleOntoA16000HzRoom() {
    RtpClockScale s = new RtpClockScale(8000, 16000);
    long a = s.toRoom(1000);
    assertThat(s.toRoom(1160) - a).isEqualTo(320);
  }

  @Test
  void opusTimestampsDivideOntoA16000HzRoomAcrossTheWrap() {
    RtpClockScale s = new RtpClockScale(48000, 16000);
    long ts = 0xffffffffL - 500; // not a multiple of 3, and about to wrap
    long first = s.toRoom(ts);
    long next = s.toRoom((ts + 960) & 0xffffffffL);
    long after = s.toRoom((ts + 1920) & 0xffffffffL);
    assertThat((next - first) & 0xffffffffL).isEqualTo(320);
    assertThat((after - next) & 0xffffffffL).isEqualTo(320);
  }

  @Test
  void aLatePacketMapsBehindTheNewestOne() {
    RtpClockScale s = new RtpClockScale(48000, 8000);
    long a = s.toRoom(96000);
    long b = s.toRoom(96960);
    long late = s.toRoom(96000 + 480);
    assertThat(b - a).isEqualTo(160);
    assertThat(late - a).isEqualTo(80);
  }

  @Test
  void equalClocksPassThrough() {
    assertThat(new RtpClockScale(8000, 8000).toRoom(123456789L)).isEqualTo(123456789L);
  }
}
