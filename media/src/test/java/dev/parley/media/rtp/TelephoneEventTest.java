package dev.parley.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TelephoneEventTest {
  @Test
  void readsEventEndBitVolumeAndDuration() {
    // RFC 4733 §2.3: event 11 (#), E=1, R=1 (ignored), volume 10, duration 800.
    byte[] b = {0, 0, 0, 11, (byte) 0xCA, 0x03, 0x20};
    TelephoneEvent e = new TelephoneEvent();
    assertThat(e.wrap(b, 3, 4)).isTrue();
    assertThat(e.event()).isEqualTo(11);
    assertThat(e.digit()).isEqualTo('#');
    assertThat(e.end()).isTrue();
    assertThat(e.volume()).isEqualTo(10);
    assertThat(e.duration()).isEqualTo(800);
  }

  @Test
  void writeAndWrapRoundTrip() {
    byte[] b = new byte[8];
    assertThat(TelephoneEvent.write(b, 2, 15, false, 63, 0xFFFF)).isEqualTo(4);
    TelephoneEvent e = new TelephoneEvent();
    assertThat(e.wrap(b, 2, 4)).isTrue();
    assertThat(e.digit()).isEqualTo('D');
    assertThat(e.end()).isFalse();
    assertThat(e.volume()).isEqualTo(63);
    assertThat(e.duration()).isEqualTo(0xFFFF);
  }

  @Test
  void digitsMapToTheEventCodesOfTable3() {
    String digits = "0123456789*#ABCD";
    for (int code = 0; code < 16; code++) {
      assertThat(TelephoneEvent.digitOf(code)).isEqualTo(digits.charAt(code));
      assertThat(TelephoneEvent.eventOf(digits.charAt(code))).isEqualTo(code);
    }
    assertThat(TelephoneEvent.eventOf('b')).isEqualTo(13);
    assertThat(TelephoneEvent.eventOf('x')).isEqualTo(-1);
    assertThat(TelephoneEvent.digitOf(16)).as("flash is not a digit").isEqualTo((char) 0);
  }

  @Test
  void payloadsShorterThanFourBytesOrOutsideTheArrayAreRefused() {
    TelephoneEvent e = new TelephoneEvent();
    assertThat(e.wrap(new byte[3], 0, 3)).isFalse();
    assertThat(e.wrap(new byte[8], 6, 4)).isFalse();
    assertThat(e.wrap(new byte[8], -1, 4)).isFalse();
    assertThat(e.wrap(null, 0, 4)).isFalse();
  }
}
