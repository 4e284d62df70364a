package dev.parley.server.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A scheduled conference (seed 002): at {@code start} Parley dials every listed participant who has a
 * dial string into {@code room}; from {@code start - joinEarly} to {@code end} only listed people may
 * join the room; {@code warning} before the end the room hears that it is about to end, and at
 * {@code end} everybody is hung up.
 *
 * @param id assigned by the store (null before it is saved)
 * @param room the room name, which is also the number callers dial
 * @param title free text; may be empty
 * @param participants every listed person, the organiser among them (at most one)
 * @param warning how long before the end the warning is played (zero: none)
 * @param joinEarly how long before the start listed people may already dial in
 * @param retries how many times more a participant who did not answer is dialled
 * @param retryDelay the wait between two dials of one participant
 * @param record whether the organiser joining starts the room's recording
 */
public record Schedule(String id, String room, String title, Instant start, Instant end, List<Participant> participants,
    Duration warning, Duration joinEarly, int retries, Duration retryDelay, boolean record) {

  public static final Duration DEFAULT_WARNING = Duration.ofMinutes(5);
  public static final Duration DEFAULT_JOIN_EARLY = Duration.ofMinutes(5);
  public static final int DEFAULT_RETRIES = 2;
  public static final Duration DEFAULT_RETRY_DELAY = Duration.ofSeconds(60);

  public Schedule {
    Objects.requireNonNull(room, "room");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    title = title == null ? "" : title;
    participants = List.copyOf(participants);
  }

  public Schedule withId(String newId) {
    return new Schedule(newId, room, title, start, end, participants, warning, joinEarly, retries, retryDelay, record);
  }

  /** Whether only listed people may join {@link #room} at {@code now}. */
  public boolean gates(Instant now) {
    return !now.isBefore(start.minus(joinEarly)) && now.isBefore(end);
  }

  /** The organiser, or null when the schedule names none. */
  public Participant organiser() {
    for (Participant p : participants) if (p.role() == Role.ORGANISER) return p;
    return null;
  }
}
