package dev.parley.server.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** What the book accepts, what it refuses (naming the field), and which schedule holds a room. */
class ScheduleBookTest {
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  private final ScheduleBook book = new ScheduleBook(new MemorySchedules(), Clock.fixed(NOW, ZoneOffset.UTC), d -> {
    if (!d.startsWith("user/")) throw new IllegalArgumentException("'" + d + "' is not a dial string");
  });

  private static Instant at(long minutes) {
    return NOW.plusSeconds(60 * minutes);
  }

  private static ScheduleException refusal(Schedule s, ScheduleBook b) {
    try {
      b.create(s);
    } catch (ScheduleException e) {
      return e;
    }
    throw new AssertionError("accepted " + s);
  }

  @Test
  void aValidScheduleIsSavedWithAnIdAndHoldsItsRoomFromJoinEarlyToItsEnd() {
    Schedule saved = book.create(Schedules.of(at(3), at(60)));
    assertThat(saved.id()).isNotNull();
    assertThat(book.get(saved.id())).isEqualTo(saved);
    assertThat(book.gating("4100")).as("5 minutes early: listed people may join").isEqualTo(saved);
    assertThat(book.gating("4200")).isNull();
    ScheduleBook later = new ScheduleBook(new MemorySchedules(), Clock.fixed(at(60), ZoneOffset.UTC), d -> {});
    later.create(Schedules.of(at(50), at(61)));
    assertThat(later.gating("4100")).isNotNull();
    assertThat(new ScheduleBook(new MemorySchedules(), Clock.fixed(at(-3), ZoneOffset.UTC), d -> {}).gating("4100"))
        .as("a fresh book has nothing").isNull();
  }

  @Test
  void everyRefusalNamesTheField() {
    assertThat(refusal(Schedules.of(at(10), at(5)), book).field()).isEqualTo("end");
    assertThat(refusal(Schedules.of(at(-60), at(-1)), book).getMessage()).contains("end").contains("past");
    assertThat(refusal(Schedules.of("bad room!", at(1), at(5), Schedules.ANN), book).field()).isEqualTo("room");
    assertThat(refusal(Schedules.of("4100", at(1), at(5)), book).field()).isEqualTo("participants");
    assertThat(refusal(Schedules.of("4100", at(1), at(5), Schedules.ANN,
        new Participant("Eve", "1003", "pots/1003", Role.PARTICIPANT, null)), book))
        .satisfies(e -> assertThat(e.field()).isEqualTo("participants[1].dial"))
        .hasMessageContaining("not a dial string");
    assertThat(refusal(Schedules.of("4100", at(1), at(5), Schedules.ANN,
        new Participant("Ann again", "1009", null, Role.ORGANISER, null)), book).field()).isEqualTo("participants[1].role");
    assertThat(refusal(Schedules.of("4100", at(1), at(5), Schedules.ANN,
        new Participant("Twin", "1001", null, Role.PARTICIPANT, null)), book).field()).isEqualTo("participants[1].number");
    assertThat(refusal(Schedules.of("4100", at(1), at(5), new Participant("Short", null, null, Role.PARTICIPANT, "12")),
        book).field()).isEqualTo("participants[0].pin");
    assertThat(refusal(Schedules.of("4100", at(1), at(5), new Participant("Nobody", null, null, Role.PARTICIPANT, null)),
        book).field()).isEqualTo("participants[0]");
    assertThat(book.all()).isEmpty();
  }

  @Test
  void aRoomCannotBeScheduledTwiceAtOnceButBackToBackIsFine() {
    Schedule first = book.create(Schedules.of(at(10), at(70)));
    ScheduleException clash = refusal(Schedules.of(at(60), at(90)), book);
    assertThat(clash.conflict()).isTrue();
    assertThat(clash.getMessage()).contains(first.id());
    book.create(Schedules.of(at(70), at(90)));
    book.create(Schedules.of("4200", at(10), at(70), Schedules.ANN));
    assertThat(book.all()).hasSize(3);
    assertThat(book.replace(first.id(), Schedules.of(at(15), at(70)))).as("replacing does not clash with itself")
        .isNotNull();
    assertThatThrownBy(() -> book.replace(first.id(), Schedules.of(at(15), at(80)))).isInstanceOf(ScheduleException.class);
    assertThat(book.delete(first.id())).isTrue();
    assertThat(book.delete(first.id())).isFalse();
    assertThat(book.replace("nope", Schedules.of(at(15), at(70)))).isNull();
  }
}
