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
 * @param farewell when not null, the call never joins: it hears this prompt and is hung up (a routing
 *     webhook's {@code play} answer)
 */
record JoinRequest(RoomProfile route, String dialledPin, String source, String extension, boolean fromTrunk,
    Prompt farewell) {
  JoinRequest(RoomProfile route, String dialledPin, String source, String extension, boolean fromTrunk) {
    this(route, dialledPin, source, extension, fromTrunk, null);
  }

  /** The same caller, come into another room through another route (no PIN asked). */
  JoinRequest moved(RoomProfile newRoute) {
    return new JoinRequest(newRoute, null, source, extension, fromTrunk);
  }
}
