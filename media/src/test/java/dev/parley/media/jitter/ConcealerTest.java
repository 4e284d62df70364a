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

  @Test
  void playedInBulkEqualsPlayedOneByOne() {
    java.util.Random random = new java.util.Random(7);
    for (int round = 0; round < 200; round++) {
      Concealer single = new Concealer(5, 12);
      Concealer bulk = new Concealer(5, 12);
      for (int chunk = 0; chunk < 4; chunk++) {
        short[] pcm = new short[random.nextInt(12)];
        for (int i = 0; i < pcm.length; i++) pcm[i] = (short) random.nextInt(-30000, 30000);
        for (short v : pcm) single.played(v);
        bulk.played(pcm, 0, pcm.length);
        for (int n = random.nextInt(3); n > 0; n--) assertThat(bulk.next()).isEqualTo(single.next());
      }
      for (int i = 0; i < 14; i++) assertThat(bulk.next()).isEqualTo(single.next());
    }
  }
}
