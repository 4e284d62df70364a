package dev.parley.media.mixer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TalkGateTest {
  @Test
  void quietFramesAreGatedUntilEnergyReachesTheLevel() {
    TalkGate gate = new TalkGate();
    assertThat(gate.pass(50, 100)).isFalse();
    assertThat(gate.open()).isFalse();
    assertThat(gate.pass(100, 100)).isTrue();
    assertThat(gate.open()).isTrue();
  }

  @Test
  void theGateStaysOpenForTheHangoverThenCloses() {
    TalkGate gate = new TalkGate();
    gate.pass(500, 100);
    for (int i = 0; i < TalkGate.HANGOVER_FRAMES; i++) {
      assertThat(gate.pass(0, 100)).as("hangover frame %d", i).isTrue();
    }
    assertThat(gate.pass(0, 100)).isFalse();
    assertThat(gate.open()).isFalse();
  }

  @Test
  void levelZeroLetsEverythingThrough() {
    assertThat(new TalkGate().pass(0, 0)).isTrue();
  }
}
