package dev.parley.server.conference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PinsTest {
  @Test
  void theRoomPinJoinsAndTheModeratorPinMakesAModerator() {
    Pins p = new Pins("1234", "9999", 3);
    assertThat(p.check("1234")).isEqualTo(Pins.Result.MEMBER);
    assertThat(p.check("9999")).isEqualTo(Pins.Result.MODERATOR);
    assertThat(p.check("12345")).isEqualTo(Pins.Result.WRONG);
    assertThat(p.check("")).isEqualTo(Pins.Result.WRONG);
    assertThat(p.check(null)).isEqualTo(Pins.Result.WRONG);
  }

  @Test
  void withOnlyAModeratorPinAnEmptyEntryJoinsAsAMember() {
    Pins p = new Pins(null, "9999", 3);
    assertThat(p.required()).isTrue();
    assertThat(p.check("")).isEqualTo(Pins.Result.MEMBER);
    assertThat(p.check("9999")).isEqualTo(Pins.Result.MODERATOR);
    assertThat(p.check("1")).isEqualTo(Pins.Result.WRONG);
  }

  @Test
  void noPinsMeansNoPrompt() {
    assertThat(Pins.NONE.required()).isFalse();
  }
}
