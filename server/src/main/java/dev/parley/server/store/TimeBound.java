package dev.parley.server.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** The bounds of a billing query as people type them: the {@code cdr} command and the API's {@code from}/{@code to}. */
public final class TimeBound {
  private TimeBound() {}

  /**
   * null or blank stays null (unbounded); {@code 2025-01-31} is its midnight UTC; a date-time without
   * zone ({@code 2025-01-31T10:00}) is UTC; an ISO instant or offset date-time is itself.
   *
   * @throws DateTimeParseException for anything else
   */
  public static Instant parse(String text) {
    if (text == null || text.isBlank()) return null;
    String t = text.strip();
    if (t.length() == 10) return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
    if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:\\d\\d$")) return OffsetDateTime.parse(t).toInstant();
    return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
  }
}
