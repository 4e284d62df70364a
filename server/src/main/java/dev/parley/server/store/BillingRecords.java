package dev.parley.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads billing records and recordings back: for the REST API, the {@code parley cdr} command and tests.
 * Thread-safe; every call takes its own connection.
 */
public final class BillingRecords {
  private final Database db;

  public BillingRecords(Database db) {
    this.db = db;
  }

  /**
   * The member records of {@code room} (every room when null) that overlap {@code [from, to)}: joined
   * before {@code to} and not left before {@code from}. Either bound may be null (unbounded). Ordered by
   * join time.
   */
  public List<BillingRecord> query(String room, Instant from, Instant to) throws SQLException {
    String sql = "SELECT id, room_session_id, room, member_id, caller_number, caller_name, called_number, called_name,"
        + " direction, invited_by, joined_at, left_at, last_seen, duration_ms, leave_reason, codec, call_id, billing"
        + " FROM member_sessions WHERE (CAST(? AS VARCHAR(64)) IS NULL OR room = ?) AND joined_at < ? AND (left_at IS NULL OR left_at >= ?)"
        + " ORDER BY joined_at, member_id";
    List<BillingRecord> out = new ArrayList<>();
    try (Connection c = db.connection(); PreparedStatement s = c.prepareStatement(sql)) {
      bindWindow(s, room, from, to);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(new BillingRecord(r.getString(1), r.getString(2), r.getString(3), r.getInt(4), r.getString(5),
              r.getString(6), r.getString(7), r.getString(8), r.getString(9), r.getString(10), instant(r, 11),
              instant(r, 12), instant(r, 13), longOrNull(r, 14), r.getString(15), r.getString(16), r.getString(17),
              r.getBoolean(18)));
        }
      }
    }
    return out;
  }

  /** Room sessions of {@code room} (every room when null) overlapping {@code [from, to)}, by start. */
  public List<RoomSessionRecord> rooms(String room, Instant from, Instant to) throws SQLException {
    String sql = "SELECT id, room, profile, started_at, ended_at, last_seen, peak_members, recordings, end_reason"
        + " FROM room_sessions WHERE (CAST(? AS VARCHAR(64)) IS NULL OR room = ?) AND started_at < ? AND (ended_at IS NULL OR ended_at >= ?)"
        + " ORDER BY started_at";
    List<RoomSessionRecord> out = new ArrayList<>();
    try (Connection c = db.connection(); PreparedStatement s = c.prepareStatement(sql)) {
      bindWindow(s, room, from, to);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(new RoomSessionRecord(r.getString(1), r.getString(2), r.getString(3), instant(r, 4), instant(r, 5),
              instant(r, 6), r.getInt(7), r.getInt(8), r.getString(9)));
        }
      }
    }
    return out;
  }

  /** Recordings of {@code room} (every room when null) started in {@code [from, to)}, by start. */
  public List<RecordingRecord> recordings(String room, Instant from, Instant to) throws SQLException {
    String sql = "SELECT id, room_session_id, room, path, started_at, ended_at, duration_ms, size_bytes"
        + " FROM recordings WHERE (CAST(? AS VARCHAR(64)) IS NULL OR room = ?) AND started_at < ? AND started_at >= ? ORDER BY started_at";
    List<RecordingRecord> out = new ArrayList<>();
    try (Connection c = db.connection(); PreparedStatement s = c.prepareStatement(sql)) {
      bindWindow(s, room, from, to);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(new RecordingRecord(r.getString(1), r.getString(2), r.getString(3), r.getString(4), instant(r, 5),
              instant(r, 6), longOrNull(r, 7), longOrNull(r, 8)));
        }
      }
    }
    return out;
  }

  private static void bindWindow(PreparedStatement s, String room, Instant from, Instant to) throws SQLException {
    s.setString(1, room);
    s.setString(2, room);
    s.setLong(3, to == null ? Long.MAX_VALUE : to.toEpochMilli());
    s.setLong(4, from == null ? Long.MIN_VALUE : from.toEpochMilli());
  }

  private static Instant instant(ResultSet r, int column) throws SQLException {
    long v = r.getLong(column);
    return r.wasNull() ? null : Instant.ofEpochMilli(v);
  }

  private static Long longOrNull(ResultSet r, int column) throws SQLException {
    long v = r.getLong(column);
    return r.wasNull() ? null : v;
  }
}
