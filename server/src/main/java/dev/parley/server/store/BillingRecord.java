package dev.parley.server.store;

import java.time.Instant;

/**
 * One member's time in one room, as stored in {@code member_sessions}.
 *
 * @param leftAt null while the member is in the room
 * @param durationMillis null while open; {@code leftAt - joinedAt} once closed
 * @param leaveReason a {@link dev.parley.server.conference.LeaveReason} name; null while open
 * @param direction a {@link dev.parley.server.conference.CallDetails.Direction} name
 */
public record BillingRecord(
    String id,
    String roomSessionId,
    String room,
    int memberId,
    String callerNumber,
    String callerName,
    String calledNumber,
    String calledName,
    String direction,
    String invitedBy,
    Instant joinedAt,
    Instant leftAt,
    Instant lastSeen,
    Long durationMillis,
    String leaveReason,
    String codec,
    String callId,
    boolean billing) {}
