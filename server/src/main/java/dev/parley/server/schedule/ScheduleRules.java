package dev.parley.server.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** What makes a schedule valid; every failure names the field as the API writes it. */
final class ScheduleRules {
  private static final Duration LONGEST = Duration.ofDays(7);

  private ScheduleRules() {}

  /**
   * @param dialCheck throws IllegalArgumentException for a dial string that is not one
   * @param others the saved schedules (the one being replaced excluded), for overlaps in one room
   */
  static void check(Schedule s, Instant now, Consumer<String> dialCheck, List<Schedule> others) {
    if (!s.room().matches("[A-Za-z0-9_.+-]{1,64}")) {
      throw new ScheduleException("room", "expected 1-64 letters, digits or _.+-, got '" + s.room() + "'");
    }
    if (!s.end().isAfter(s.start())) throw new ScheduleException("end", "must be after start (" + s.start() + ")");
    if (!s.end().isAfter(now)) throw new ScheduleException("end", "is in the past (" + s.end() + ")");
    if (Duration.between(s.start(), s.end()).compareTo(LONGEST) > 0) {
      throw new ScheduleException("end", "a scheduled conference lasts at most 7 days");
    }
    if (s.warning().isNegative()) throw new ScheduleException("warningSeconds", "must not be negative");
    if (s.joinEarly().isNegative()) throw new ScheduleException("joinEarlySeconds", "must not be negative");
    if (s.retries() < 0 || s.retries() > 10) throw new ScheduleException("retries", "must be 0..10, got " + s.retries());
    if (s.retryDelay().compareTo(Duration.ofSeconds(1)) < 0) {
      throw new ScheduleException("retryDelaySeconds", "must be at least 1");
    }
    if (s.participants().isEmpty()) throw new ScheduleException("participants", "list at least one person");
    Set<String> numbers = new HashSet<>(), pins = new HashSet<>();
    int organisers = 0;
    for (int i = 0; i < s.participants().size(); i++) {
      Participant p = s.participants().get(i);
      String at = "participants[" + i + "]";
      if (p.role() == Role.ORGANISER && ++organisers > 1) throw new ScheduleException(at + ".role", "only one organiser");
      if (p.number() == null && p.dial() == null && p.pin() == null) {
        throw new ScheduleException(at, "give a number, a dial string or a PIN, or nobody can be this person");
      }
      if (p.number() != null) {
        if (!p.number().matches("\\+?[0-9A-Za-z._-]{1,32}")) {
          throw new ScheduleException(at + ".number", "expected a caller number (digits, letters, ._-), got '" + p.number() + "'");
        }
        if (!numbers.add(p.number())) throw new ScheduleException(at + ".number", "listed twice: " + p.number());
      }
      if (p.pin() != null) {
        if (!p.pin().matches("\\d{4,16}")) throw new ScheduleException(at + ".pin", "expected 4-16 digits");
        if (!pins.add(p.pin())) throw new ScheduleException(at + ".pin", "two people have the same PIN");
      }
      if (p.dial() != null) {
        try {
          dialCheck.accept(p.dial());
        } catch (IllegalArgumentException e) {
          throw new ScheduleException(at + ".dial", e.getMessage());
        }
      }
    }
    for (Schedule o : others) {
      if (o.room().equals(s.room()) && o.start().isBefore(s.end()) && s.start().isBefore(o.end())) {
        throw new ScheduleException("start", "room " + s.room() + " is already scheduled from " + o.start() + " to "
            + o.end() + " (schedule " + o.id() + ")", true);
      }
    }
  }
}
