package dev.parley.server.conference;

/**
 * A member's controls at one moment, as observers and the API see them.
 *
 * @param talkStep how loud the member is in the room, -4..+4 (3 dB steps)
 * @param listenStep how loud the member hears the room, -4..+4
 * @param energyLevel the member's energy gate, or -1 for the room's
 */
public record MemberState(boolean moderator, boolean muted, boolean deaf, int talkStep, int listenStep, int energyLevel,
    boolean waiting, boolean talking) {}
