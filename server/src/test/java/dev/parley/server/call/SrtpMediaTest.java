package dev.parley.server.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.parley.server.config.SrtpMode;
import org.junit.jupiter.api.Test;

class SrtpMediaTest {
  @Test
  void aPlacedCallFollowsTheRoomUnlessItsDialStringAsks() {
    for (SrtpMode room : SrtpMode.values()) {
      assertThat(SrtpMedia.forPlacedCall("3000", room, null)).isEqualTo(room);
      assertThat(SrtpMedia.forPlacedCall("3000", room, SrtpMode.REQUIRED)).isEqualTo(SrtpMode.REQUIRED);
    }
    assertThat(SrtpMedia.forPlacedCall("3000", SrtpMode.OPTIONAL, SrtpMode.OFF)).isEqualTo(SrtpMode.OFF);
    assertThat(SrtpMedia.forPlacedCall("3000", SrtpMode.OFF, SrtpMode.OPTIONAL)).isEqualTo(SrtpMode.OPTIONAL);
  }

  @Test
  void aDialStringNeverTakesACallIntoARequiredRoomInTheClear() {
    for (SrtpMode weaker : new SrtpMode[] {SrtpMode.OPTIONAL, SrtpMode.OFF}) {
      assertThatIllegalArgumentException().isThrownBy(() -> SrtpMedia.forPlacedCall("board", SrtpMode.REQUIRED, weaker))
          .withMessageContaining("room board requires SRTP")
          .withMessageContaining("srtp=" + weaker.name().toLowerCase(java.util.Locale.ROOT));
    }
  }
}
