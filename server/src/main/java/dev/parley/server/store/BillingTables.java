package dev.parley.server.store;

import dev.parley.server.conference.CallDetails;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/**
 * The writes of billing records and recording rows, one statement each, on a connection the caller
 * owns. The same SQL runs on SQLite and PostgreSQL (times are epoch milliseconds).
 */
final class BillingTables {
  private BillingTables() {}

  static void openRoom(Connection c, String id, String room, String profile, Instant at) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("INSERT INTO room_sessions"
        + " (id, room, profile, started_at, last_seen, peak_members, recordings) VALUES (?, ?, ?, ?, ?, 0, 0)")) {
      s.setString(1, id);
      s.setString(2, room);
      s.setString(3, profile);
      s.setLong(4, at.toEpochMilli());
      s.setLong(5, at.toEpochMilli());
      s.executeUpdate();
    }
  }

  static void peak(Connection c, String roomSessionId, int peak) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "UPDATE room_sessions SET peak_members = ? WHERE id = ? AND peak_members < ?")) {
      s.setInt(1, peak);
      s.setString(2, roomSessionId);
      s.setInt(3, peak);
      s.executeUpdate();
    }
  }

  static void closeRoom(Connection c, String id, Instant at, String reason) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "UPDATE room_sessions SET ended_at = ?, last_seen = ?, end_reason = ? WHERE id = ? AND ended_at IS NULL")) {
      s.setLong(1, at.toEpochMilli());
      s.setLong(2, at.toEpochMilli());
      s.setString(3, reason);
      s.setString(4, id);
      s.executeUpdate();
    }
  }

  static void openMember(Connection c, String id, String roomSessionId, String room, int member, String callId,
      CallDetails d, Instant at) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("INSERT INTO member_sessions (id, room_session_id, room, member_id,"
        + " caller_number, caller_name, called_number, called_name, direction, invited_by, joined_at, last_seen,"
        + " codec, call_id, billing) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, id);
      s.setString(2, roomSessionId);
      s.setString(3, room);
      s.setInt(4, member);
      s.setString(5, d.callerNumber());
      s.setString(6, d.callerName());
      s.setString(7, d.calledNumber());
      s.setString(8, d.calledName());
      s.setString(9, d.direction().name());
      s.setString(10, d.invitedBy());
      s.setLong(11, at.toEpochMilli());
      s.setLong(12, at.toEpochMilli());
      s.setString(13, d.codec());
      s.setString(14, callId);
      s.setBoolean(15, d.billing());
      s.executeUpdate();
    }
  }

  static void closeMember(Connection c, String id, Instant at, String reason) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("UPDATE member_sessions SET left_at = ?, last_seen = ?,"
        + " duration_ms = ? - joined_at, leave_reason = ? WHERE id = ? AND left_at IS NULL")) {
      s.setLong(1, at.toEpochMilli());
      s.setLong(2, at.toEpochMilli());
      s.setLong(3, at.toEpochMilli());
      s.setString(4, reason);
      s.setString(5, id);
      s.executeUpdate();
    }
  }

  /** Marks every open member and room session as seen now: what a crash leaves as their end. */
  static void heartbeat(Connection c, Instant at) throws SQLException {
    for (String table : new String[] {"member_sessions SET last_seen = ? WHERE left_at", "room_sessions SET last_seen = ? WHERE ended_at"}) {
      try (PreparedStatement s = c.prepareStatement("UPDATE " + table + " IS NULL")) {
        s.setLong(1, at.toEpochMilli());
        s.executeUpdate();
      }
    }
  }

  static void recordingStarted(Connection c, String id, String roomSessionId, String room, String path, Instant at)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO recordings (id, room_session_id, room, path, started_at) VALUES (?, ?, ?, ?, ?)")) {
      s.setString(1, id);
      if (roomSessionId == null) s.setNull(2, Types.VARCHAR);
      else s.setString(2, roomSessionId);
      s.setString(3, room);
      s.setString(4, path);
      s.setLong(5, at.toEpochMilli());
      s.executeUpdate();
    }
    if (roomSessionId == null) return;
    try (PreparedStatement s = c.prepareStatement("UPDATE room_sessions SET recordings = recordings + 1 WHERE id = ?")) {
      s.setString(1, roomSessionId);
      s.executeUpdate();
    }
  }

  static void recordingStopped(Connection c, String id, Instant at, long durationMillis, long sizeBytes)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "UPDATE recordings SET ended_at = ?, duration_ms = ?, size_bytes = ? WHERE id = ?")) {
      s.setLong(1, at.toEpochMilli());
      s.setLong(2, durationMillis);
      s.setLong(3, sizeBytes);
      s.setString(4, id);
      s.executeUpdate();
    }
  }
}
