package dev.parley.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.schedule.Participant;
import dev.parley.server.schedule.Role;
import dev.parley.server.schedule.Schedule;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Schedules written and read back, on SQLite and on PostgreSQL. */
class ScheduleStoreTest {
  @TempDir Path dir;

  private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
  private static final Participant ANN = new Participant("Ann", "1001", "user/1001", Role.ORGANISER, "13579");
  private static final Participant BOB = new Participant("Bob", null, "{timeout=20}gateway/trunk/5551234", Role.LISTENER, null);
  private static final Participant CAROL = new Participant("", "1003", null, Role.MODERATOR, null);

  private static Schedule weekly(Instant start, List<Participant> people) {
    return new Schedule(null, "4100", "Weekly call", start, start.plusSeconds(3600), people, Duration.ofSeconds(300),
        Duration.ofSeconds(120), 3, Duration.ofSeconds(45), true);
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void aScheduleIsReadBackAsItWasSavedWithItsPeopleInOrder(TestDatabases kind) throws Exception {
    try (Database db = kind.open(dir)) {
      ScheduleStore store = new ScheduleStore(db, Clock.systemUTC());
      Schedule later = store.insert(weekly(START.plusSeconds(86_400), List.of(CAROL)));
      Schedule saved = store.insert(weekly(START, List.of(ANN, BOB, CAROL)));
      assertThat(saved.id()).isNotBlank().isNotEqualTo(later.id());
      List<Schedule> all = store.all();
      assertThat(all).as("by start").containsExactly(saved, later);
      Schedule back = all.get(0);
      assertThat(back.participants()).containsExactly(ANN, BOB, CAROL);
      assertThat(back.warning()).isEqualTo(Duration.ofSeconds(300));
      assertThat(back.joinEarly()).isEqualTo(Duration.ofSeconds(120));
      assertThat(back.retryDelay()).isEqualTo(Duration.ofSeconds(45));
      assertThat(back.retries()).isEqualTo(3);
      assertThat(back.record()).isTrue();
    }
    try (Database reopened = kind == TestDatabases.SQLITE ? kind.open(dir) : null) {
      if (reopened != null) assertThat(new ScheduleStore(reopened, Clock.systemUTC()).all()).as("kept in the file").hasSize(2);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void replacingChangesTimesAndPeopleAndDeletingRemovesBoth(TestDatabases kind) throws Exception {
    try (Database db = kind.open(dir)) {
      ScheduleStore store = new ScheduleStore(db, Clock.systemUTC());
      Schedule saved = store.insert(weekly(START, List.of(ANN, BOB)));
      Schedule moved = weekly(START.plusSeconds(600), List.of(CAROL)).withId(saved.id());
      assertThat(store.replace(moved)).isTrue();
      assertThat(store.all()).containsExactly(moved);
      assertThat(store.replace(moved.withId("no-such-id"))).isFalse();
      assertThat(store.delete(saved.id())).isTrue();
      assertThat(store.delete(saved.id())).isFalse();
      assertThat(store.all()).isEmpty();
      try (var c = db.connection(); var s = c.createStatement();
           var r = s.executeQuery("SELECT COUNT(*) FROM schedule_participants")) {
        r.next();
        assertThat(r.getInt(1)).as("no people left behind").isZero();
      }
    }
  }
}
