package dev.parley.server.call;

import dev.parley.server.config.MemberFlag;
import java.util.Set;

/**
 * What the call brings to its room besides media: its flags and a PIN that came in the dialled number.
 *
 * @param flags the route's member flags
 * @param dialledPin the PIN after {@code *} in the dialled number ({@code 3000*1234}), or null
 * @param source the caller's address, for the PIN lockout
 */
record JoinRequest(Set<MemberFlag> flags, String dialledPin, String source) {}
