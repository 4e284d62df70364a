package dev.parley.server.conference;

import dev.parley.media.audio.Prompt;
import java.time.Duration;

/**
 * How long a room may last: it ends {@code max} after it started, and hears {@code warning} (and the
 * event stream {@code room.ending-soon}) {@code warnBefore} the end.
 *
 * @param max        zero for no limit
 * @param warnBefore zero for no warning; ignored unless shorter than {@code max}
 * @param warning    played to the room at the warning; null to only publish the event
 */
public record DurationLimit(Duration max, Duration warnBefore, Prompt warning) {
  public static final DurationLimit NONE = new DurationLimit(Duration.ZERO, Duration.ZERO, null);

  public boolean limited() {
    return max.isPositive();
  }

  /** Whether a warning comes before the end. */
  public boolean warns() {
    return limited() && warnBefore.isPositive() && warnBefore.compareTo(max) < 0;
  }
}
