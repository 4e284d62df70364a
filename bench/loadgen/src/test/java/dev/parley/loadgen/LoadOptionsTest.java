package dev.parley.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.loadgen.report.ToneCheck;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadOptionsTest {

  private static LoadOptions rooms(int rooms, int perRoom, int talkers) {
    return new LoadOptions(new InetSocketAddress("127.0.0.1", 5060), "127.0.0.1", 0, rooms, perRoom, "room%d",
        LoadOptions.Audio.TONE, null, talkers, Duration.ofSeconds(1), Duration.ZERO, 100, 10, 1, 10,
        ToneCheck.Expect.MIX_MINUS, 1000, 0, null, true);
  }

  @Test
  void callsFillTheRoomsInTurnSoEveryRoomGrowsWhileTheCallsRampUp() {
    LoadOptions o = rooms(3, 2, 2);
    assertThat(o.calls()).isEqualTo(6);
    assertThat(o.number(0)).isEqualTo("room1");
    assertThat(o.number(1)).isEqualTo("room2");
    assertThat(o.number(3)).isEqualTo("room1");
    assertThat(o.indexInRoom(3)).isEqualTo(1);
  }

  @Test
  void theFirstMembersOfEachRoomAreTheTalkers() {
    LoadOptions o = rooms(2, 3, 1);
    assertThat(o.talks(0)).isTrue();  // room1, first
    assertThat(o.talks(1)).isTrue();  // room2, first
    assertThat(o.talks(2)).isFalse(); // room1, second
  }
}
