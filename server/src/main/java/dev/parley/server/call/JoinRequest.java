package dev.parley.server.call;

import dev.parley.server.conference.RoomProfile;

/**
 * What the call brings to its room besides media.
 *
 * @param route the profile of the route the call came through (with its params): its PINs, flags and
 *     keypad maps apply to this caller, whatever profile the room was created with
 * @param dialledPin the PIN after {@code *} in the dialled number ({@code 3000*1234}), or null
 * @param source the caller's address, for the PIN lockout
 */
record JoinRequest(RoomProfile route, String dialledPin, String source) {}
