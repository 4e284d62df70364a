package dev.parley.server.store;

import java.time.Instant;

/**
 * One room from its creation to its end, as stored in {@code room_sessions}.
 *
 * @param endedAt null while the room exists
 * @param endReason {@code ended} for a room that emptied, {@code SERVER_STOPPED} for one closed after a crash
 */
public record RoomSessionRecord(String id, String room, String profile, Instant startedAt, Instant endedAt,
    Instant lastSeen, int peakMembers, int recordings, String endReason) {}
