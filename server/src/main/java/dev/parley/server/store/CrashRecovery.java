package dev.parley.server.store;

import dev.parley.server.conference.LeaveReason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Closes what a server that died without stopping ({@code kill -9}, power loss) left open: member and
 * room sessions end at the last time they were seen (the heartbeat), with reason
 * {@link LeaveReason#SERVER_STOPPED}; recordings get the duration and size of the file on disk, and the
 * file's WAV header (up to a second behind its audio) is brought up to the file's length; an Opus file
 * loses the Ogg page it was cut in. Runs at
 * start, before any call, so every open row is a dead run's.
 */
public final class CrashRecovery {
  private CrashRecovery() {}

  /** What was closed. */
  public record Closed(int members, int rooms, int recordings) {}

  public static Closed run(Database db, int rateHz) throws SQLException {
    try (Connection c = db.connection()) {
      int members;
      try (PreparedStatement s = c.prepareStatement("UPDATE member_sessions SET left_at = last_seen,"
          + " duration_ms = last_seen - joined_at, leave_reason = ? WHERE left_at IS NULL")) {
        s.setString(1, LeaveReason.SERVER_STOPPED.name());
        members = s.executeUpdate();
      }
      int rooms;
      try (PreparedStatement s = c.prepareStatement(
          "UPDATE room_sessions SET ended_at = last_seen, end_reason = ? WHERE ended_at IS NULL")) {
        s.setString(1, LeaveReason.SERVER_STOPPED.name());
        rooms = s.executeUpdate();
      }
      return new Closed(members, rooms, recordings(c, rateHz));
    }
  }

  /** A WAV written by {@code RoomRecorder} is a 44-byte header and 16-bit mono samples. */
  private static int recordings(Connection c, int rateHz) throws SQLException {
    record Open(String id, String path, long startedAt) {}
    List<Open> open = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement("SELECT id, path, started_at FROM recordings WHERE ended_at IS NULL");
        ResultSet r = s.executeQuery()) {
      while (r.next()) open.add(new Open(r.getString(1), r.getString(2), r.getLong(3)));
    }
    for (Open o : open) {
      if (o.path().endsWith(".opus")) {
        opusRecording(c, o.id(), o.path(), o.startedAt());
        continue;
      }
      long size = 0;
      try {
        size = Files.size(Path.of(o.path()));
        if (size >= 44) repairHeader(Path.of(o.path()), size);
      } catch (IOException gone) {
        // The file is gone or unwritable: the row says what is known.
      }
      long durationMillis = Math.max(0, size - 44) / 2 * 1000 / rateHz;
      BillingTables.recordingStopped(c, o.id(), java.time.Instant.ofEpochMilli(o.startedAt() + durationMillis),
          durationMillis, size);
    }
    return open.size();
  }

  /** An Opus recording keeps its whole pages; a page cut short by the crash is removed. */
  private static void opusRecording(Connection c, String id, String path, long startedAt) throws SQLException {
    OggRecordingTail.Whole whole = new OggRecordingTail.Whole(0, 0);
    try {
      whole = OggRecordingTail.repair(Path.of(path));
    } catch (IOException gone) {
      // The file is gone or unwritable: the row says nothing was kept.
    }
    BillingTables.recordingStopped(c, id, java.time.Instant.ofEpochMilli(startedAt + whole.durationMillis()),
        whole.durationMillis(), whole.sizeBytes());
  }

  /** Sets the RIFF size (offset 4) and the data size (offset 40) of a 44-byte-header WAV to its length. */
  private static void repairHeader(Path file, long size) throws IOException {
    long data = (size - 44) & ~1L;
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
      b.putInt(0, (int) Math.min(36 + data, 0xFFFF_FFFFL));
      ch.write(b, 4);
      b.clear();
      b.putInt(0, (int) Math.min(data, 0xFFFF_FFFFL));
      ch.write(b, 40);
    }
  }
}
