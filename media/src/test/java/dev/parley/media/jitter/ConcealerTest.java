package dev.parley.media.jitter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConcealerTest {
  @Test
  void withoutHistoryThereIsNothingToConcealWith() {
    Concealer c = new Concealer(4, 8);
    assertThat(c.active()).isFalse();
    assertThat(c.next()).isZero();
  }

  @Test
  void repeatsTheLastPeriodInOrderWithAFallingGain() {
    Concealer c = new Concealer(4, 8);
    for (int v : new int[] {9, 8, 800, 1600, 2400, 3200}) c.played((short) v); // history: the last 4
    short[] got = new short[10];
    for (int i = 0; i < got.length; i++) got[i] = c.next();
    // gain (8 - 1 - n) / 8: 7/8, 6/8, ... 0/8, then silence
    assertThat(got).containsExactly(700, 1200, 1500, 1600, 300, 400, 300, 0, 0, 0);
    assertThat(c.active()).isFalse();
  }

  @Test
  void aRealSampleRestartsTheConcealment() {
    Concealer c = new Concealer(2, 4);
    c.played((short) 400);
    c.played((short) 400);
    for (int i = 0; i < 10; i++) c.next();
    assertThat(c.active()).isFalse();
    c.played((short) 800);
    assertThat(c.active()).isTrue();
    assertThat(c.next()).isEqualTo((short) 300); // the history is now 400, 800
    assertThat(c.next()).isEqualTo((short) 400);
  }

  @Test
  void worksBeforeTheHistoryIsFull() {
    Concealer c = new Concealer(160, 640);
    c.played((short) 1000);
    c.played((short) 2000);
    assertThat(c.next()).isEqualTo((short) (1000 * 639 / 640));
    assertThat(c.next()).isEqualTo((short) (2000 * 638 / 640));
    assertThat(c.next()).isEqualTo((short) (1000 * 637 / 640));
  }

  @Test
  void clearForgetsTheHistory() {
    Concealer c = new Concealer(4, 8);
    c.played((short) 100);
    c.clear();
    assertThat(c.active()).isFalse();
    assertThat(c.next()).isZero();
  }
}
