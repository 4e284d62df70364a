package dev.parley.media.jitter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SequenceTrackerTest {
  private final SequenceTracker t = new SequenceTracker();

  @Test
  void countsGapsAsLostUntilTheyArrive() {
    t.start(10);
    t.accept(10, 0, true);
    t.accept(11, 160, true);
    t.accept(14, 640, true);
    assertThat(t.lost()).isEqualTo(2);
    assertThat(t.accept(12, 320, true)).isEqualTo(-2);
    assertThat(t.lost()).isEqualTo(1);
    assertThat(t.highest()).isEqualTo(14);
  }

  @Test
  void wrapsAround() {
    t.start(65534);
    t.accept(65534, 0, true);
    t.accept(65535, 160, true);
    assertThat(t.accept(1, 480, true)).isEqualTo(2);
    assertThat(t.lost()).isEqualTo(1);
    assertThat(t.highest()).isEqualTo(1);
  }

  @Test
  void aDuplicateMatchesSequenceAndTimestamp() {
    t.start(5);
    t.accept(5, 800, true);
    assertThat(t.isDuplicate(5, 800)).isTrue();
    assertThat(t.isDuplicate(5, 960)).isFalse();
    assertThat(t.isDuplicate(6, 800)).isFalse();
    assertThat(t.isDuplicate(5 + 1024, 800)).isFalse();
  }

  @Test
  void aHugeJumpRestartsTheNumberingInsteadOfCountingLosses() {
    t.start(100);
    t.accept(100, 0, true);
    t.accept(102, 320, true); // one lost
    t.accept(30000, 480, true); // RFC 3550 A.1: beyond MAX_DROPOUT
    t.accept(30001, 640, true);
    assertThat(t.lost()).isEqualTo(1);
  }

  @Test
  void aStragglerFarBehindDoesNotRestartTheNumbering() {
    t.start(1000);
    t.accept(1000, 0, true);
    t.accept(1001, 160, true);
    t.accept(700, 0, false);
    t.accept(1002, 320, true);
    assertThat(t.highest()).isEqualTo(1002);
    assertThat(t.lost()).isZero();
  }

  @Test
  void lossesOfEarlierStreamsAreKept() {
    t.start(1);
    t.accept(1, 0, true);
    t.accept(3, 320, true);
    t.start(500);
    t.accept(500, 0, true);
    assertThat(t.lost()).isEqualTo(1);
    t.start(900); // a start without packets adds nothing
    t.start(901);
    assertThat(t.lost()).isEqualTo(1);
  }
}
