package dev.parley.server.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How {@code parley schedule add} reads people and times. */
class ScheduleCommandsTest {
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  @Test
  void aPersonIsKeyValuePairsWithTheDialStringTakingTheRest() throws Exception {
    ObjectNode o = ApiCall.JSON.createObjectNode();
    ScheduleCommands.person("name=Bob, number=1002,role=listener,dial={timeout=20,flags=mute}sip:bob@10.0.0.2", o, "--participant");
    assertThat(o.toString()).isEqualTo(
        "{\"name\":\"Bob\",\"number\":\"1002\",\"role\":\"listener\",\"dial\":\"{timeout=20,flags=mute}sip:bob@10.0.0.2\"}");
    assertThatThrownBy(() -> ScheduleCommands.person("name=Bob,phone=1", ApiCall.JSON.createObjectNode(), "--participant"))
        .hasMessageContaining("unknown key 'phone'");
    assertThatThrownBy(() -> ScheduleCommands.person("Bob", ApiCall.JSON.createObjectNode(), "--organiser"))
        .hasMessageContaining("--organiser: expected key=value");
  }

  @Test
  void timesAreIsoInstantsUtcDateTimesOrOffsetsFromABase() throws Exception {
    assertThat(ScheduleCommands.time("+10m", NOW, "--start")).isEqualTo(NOW.plusSeconds(600));
    assertThat(ScheduleCommands.time("+1h", NOW, "--end")).isEqualTo(NOW.plusSeconds(3600));
    assertThat(ScheduleCommands.time("2026-12-02T09:30", NOW, "--start")).isEqualTo(Instant.parse("2026-12-02T09:30:00Z"));
    assertThat(ScheduleCommands.time("2026-12-02T09:30:00+01:00", NOW, "--start"))
        .isEqualTo(Instant.parse("2026-12-02T08:30:00Z"));
    assertThatThrownBy(() -> ScheduleCommands.time("tomorrow", NOW, "--start")).hasMessageContaining("--start: 'tomorrow'");
  }
}
