package dev.parley.server.schedule;

/**
 * A schedule that cannot be saved: the field at fault (as the API names it, e.g.
 * {@code participants[1].dial}) and why. {@link #conflict} is set when it clashes with another
 * schedule rather than being malformed.
 */
public final class ScheduleException extends RuntimeException {
  private final String field;
  private final boolean conflict;

  public ScheduleException(String field, String message) {
    this(field, message, false);
  }

  ScheduleException(String field, String message, boolean conflict) {
    super(field + ": " + message, null, false, false);
    this.field = field;
    this.conflict = conflict;
  }

  public String field() {
    return field;
  }

  public boolean conflict() {
    return conflict;
  }
}
