package dev.parley.server.call;

import dev.parley.media.audio.Prompt;
import dev.parley.server.conference.RoomProfile;

/**
 * What the call brings to its room besides media.
 *
 * @param route the profile of the route the call came through (with its params): its PINs, flags and
 *     keypad maps apply to this caller, whatever profile the room was created with
 * @param dialledPin the PIN after {@code *} in the dialled number ({@code 3000*1234}), or null
 * @param source the caller's address, for the PIN lockout
 * @param extension the extension the caller authenticated as, or null
 * @param fromTrunk the call came from a configured gateway
 * @param owner the caller opened its own ad-hoc room (seed 004): it alone may invite there
 * @param announceName the caller records its name, which the room hears before the caller joins
 * @param gate set when the room is scheduled and the caller is not (yet) recognised; null otherwise
 * @param farewell when not null, the call never joins: it hears this prompt and is hung up (a routing
 *     webhook's {@code play} answer)
 */
record JoinRequest(RoomProfile route, String dialledPin, String source, String extension, boolean fromTrunk, boolean owner,
    boolean announceName, ScheduleGate gate, Prompt farewell) {
  JoinRequest(RoomProfile route, String dialledPin, String source, String extension, boolean fromTrunk) {
    this(route, dialledPin, source, extension, fromTrunk, false, false, null, null);
  }

  JoinRequest(RoomProfile route, String dialledPin, String source, String extension, boolean fromTrunk, boolean owner,
      boolean announceName) {
    this(route, dialledPin, source, extension, fromTrunk, owner, announceName, null, null);
  }

  JoinRequest(RoomProfile route, String dialledPin, String source, String extension, boolean fromTrunk,
      Prompt farewell) {
    this(route, dialledPin, source, extension, fromTrunk, false, false, null, farewell);
  }

  /** The same caller, come into another room through another route (no PIN asked, owner of nothing). */
  JoinRequest moved(RoomProfile newRoute) {
    return new JoinRequest(newRoute, null, source, extension, fromTrunk);
  }

  /** The same caller, let in by a schedule: the route's own PINs no longer apply. */
  JoinRequest admitted(RoomProfile asListed) {
    return new JoinRequest(asListed, null, source, extension, fromTrunk);
  }

  JoinRequest gated(ScheduleGate g) {
    return new JoinRequest(route, dialledPin, source, extension, fromTrunk, owner, announceName, g, farewell);
  }

  /** The same caller, sent away with this prompt instead of joining. */
  JoinRequest withFarewell(Prompt p) {
    return new JoinRequest(route, dialledPin, source, extension, fromTrunk, owner, announceName, gate, p);
  }
}
