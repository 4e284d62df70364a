package dev.parley.server.conference;

/** Outcome of asking for a place in a room. */
public sealed interface Admission {
  record Admitted(Room room) implements Admission {}

  /** The caller may not join; {@code maxMembers} says how big the room is for {@link Refusal#FULL}. */
  record Refused(String room, Refusal why, int maxMembers) implements Admission {}

  enum Refusal {
    FULL,
    LOCKED,
    /** Ending or removed while the caller arrived. */
    CLOSED,
    /** The caller may only join a room that exists (join-only) and there is none. */
    NO_SUCH_ROOM
  }
}
