package dev.parley.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TalkersTest {

  @Test
  void allCountsAndFractionsGiveTalkersPerRoom() {
    assertThat(Talkers.parse("all", 10)).isEqualTo(10);
    assertThat(Talkers.parse("3", 10)).isEqualTo(3);
    assertThat(Talkers.parse("0.3", 10)).isEqualTo(3);
    assertThat(Talkers.parse("25%", 8)).isEqualTo(2);
    assertThat(Talkers.parse("0", 10)).isZero();
  }

  @Test
  void moreTalkersThanMembersOrNonsenseIsRefused() {
    assertThatThrownBy(() -> Talkers.parse("11", 10)).hasMessageContaining("0..10");
    assertThatThrownBy(() -> Talkers.parse("1.5", 10)).hasMessageContaining("0..1");
    assertThatThrownBy(() -> Talkers.parse("many", 10)).hasMessageContaining("not 'many'");
  }
}
