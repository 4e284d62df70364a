package dev.parley.server.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Who a caller to a scheduled room is. */
class CallerLookupTest {
  private final Schedule s = Schedules.of(Instant.parse("2026-12-01T10:00:00Z"), Instant.parse("2026-12-01T11:00:00Z"));

  @Test
  void theCallerNumberOrExtensionFindsTheListedPerson() {
    assertThat(CallerLookup.find(s, "1001", null, null)).isEqualTo(Schedules.ANN);
    assertThat(CallerLookup.find(s, "anonymous", "1002", null)).isEqualTo(Schedules.BOB);
  }

  @Test
  void aPinFindsItsOwnerAndAnythingElseNobody() {
    assertThat(CallerLookup.find(s, "5550000", null, "24680")).isEqualTo(Schedules.BOB);
    assertThat(CallerLookup.find(s, "5550000", null, "2468")).isNull();
    assertThat(CallerLookup.find(s, "5550000", null, "")).isNull();
    assertThat(CallerLookup.find(s, null, null, null)).isNull();
    assertThat(CallerLookup.hasPins(s)).isTrue();
    assertThat(CallerLookup.hasPins(Schedules.of("4100", s.start(), s.end(), Schedules.ANN))).isFalse();
  }
}
