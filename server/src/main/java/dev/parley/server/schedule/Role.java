package dev.parley.server.schedule;

import java.util.Locale;

/**
 * What a listed person is in a scheduled conference. The organiser joins as a moderator and, when the
 * schedule says so, starts the recording (Yate records when the organiser joins).
 */
public enum Role {
  ORGANISER,
  MODERATOR,
  PARTICIPANT,
  /** Joins muted. */
  LISTENER;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean moderator() {
    return this == ORGANISER || this == MODERATOR;
  }

  /** @throws IllegalArgumentException naming the roles there are */
  public static Role parse(String text) {
    for (Role r : values()) if (r.key().equals(text.strip().toLowerCase(Locale.ROOT))) return r;
    throw new IllegalArgumentException("'" + text + "' is not a role: expected organiser, moderator, participant or listener");
  }
}
