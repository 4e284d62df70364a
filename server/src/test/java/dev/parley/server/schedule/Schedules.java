package dev.parley.server.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Schedules for tests: room 4100 from {@code start} to {@code end}, Ann organising, Bob dialled. */
final class Schedules {
  static final Participant ANN = new Participant("Ann", "1001", "user/1001", Role.ORGANISER, null);
  static final Participant BOB = new Participant("Bob", "1002", "user/1002", Role.PARTICIPANT, "24680");

  private Schedules() {}

  static Schedule of(String room, Instant start, Instant end, Participant... people) {
    return new Schedule(null, room, "", start, end, List.of(people), Duration.ofMinutes(5), Duration.ofMinutes(5), 2,
        Duration.ofSeconds(60), false);
  }

  static Schedule of(Instant start, Instant end) {
    return of("4100", start, end, ANN, BOB);
  }
}
