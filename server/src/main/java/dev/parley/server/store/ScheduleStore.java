package dev.parley.server.store;

import dev.parley.server.schedule.Participant;
import dev.parley.server.schedule.Role;
import dev.parley.server.schedule.Schedule;
import dev.parley.server.schedule.ScheduleRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Schedules in the {@code schedules} and {@code schedule_participants} tables (migration V6). Each write
 * is one transaction, so a schedule is never half saved. Thread-safe; every call takes its own
 * connection.
 */
public final class ScheduleStore implements ScheduleRepository {
  private static final String COLUMNS =
      "id, room, title, starts_at, ends_at, warning_ms, join_early_ms, retries, retry_delay_ms, record";

  private final Database db;
  private final Clock clock;

  public ScheduleStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public List<Schedule> all() {
    try (Connection c = db.connection()) {
      Map<String, List<Participant>> people = new LinkedHashMap<>();
      try (PreparedStatement s = c.prepareStatement("SELECT schedule_id, name, number, dial, role, pin"
          + " FROM schedule_participants ORDER BY schedule_id, position");
           ResultSet r = s.executeQuery()) {
        while (r.next()) {
          people.computeIfAbsent(r.getString(1), k -> new ArrayList<>())
              .add(new Participant(r.getString(2), r.getString(3), r.getString(4), Role.valueOf(r.getString(5)), r.getString(6)));
        }
      }
      List<Schedule> out = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM schedules ORDER BY starts_at, id");
           ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(new Schedule(r.getString(1), r.getString(2), r.getString(3), Instant.ofEpochMilli(r.getLong(4)),
              Instant.ofEpochMilli(r.getLong(5)), people.getOrDefault(r.getString(1), List.of()),
              Duration.ofMillis(r.getLong(6)), Duration.ofMillis(r.getLong(7)), r.getInt(8),
              Duration.ofMillis(r.getLong(9)), r.getBoolean(10)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreFailure("cannot read schedules: " + e.getMessage(), e);
    }
  }

  @Override
  public Schedule insert(Schedule s) {
    Schedule saved = s.withId(UUID.randomUUID().toString());
    inTransaction("save", c -> {
      try (PreparedStatement p = c.prepareStatement("INSERT INTO schedules (" + COLUMNS + ", created_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        bind(p, saved);
        p.setLong(11, clock.millis());
        p.executeUpdate();
      }
      insertPeople(c, saved);
      return true;
    });
    return saved;
  }

  @Override
  public boolean replace(Schedule s) {
    return inTransaction("replace", c -> {
      try (PreparedStatement p = c.prepareStatement("UPDATE schedules SET id = ?, room = ?, title = ?, starts_at = ?,"
          + " ends_at = ?, warning_ms = ?, join_early_ms = ?, retries = ?, retry_delay_ms = ?, record = ? WHERE id = ?")) {
        bind(p, s);
        p.setString(11, s.id());
        if (p.executeUpdate() == 0) return false;
      }
      deletePeople(c, s.id());
      insertPeople(c, s);
      return true;
    });
  }

  @Override
  public boolean delete(String id) {
    return inTransaction("delete", c -> {
      // Not relying on ON DELETE CASCADE: SQLite enforces it only with foreign_keys on.
      deletePeople(c, id);
      try (PreparedStatement p = c.prepareStatement("DELETE FROM schedules WHERE id = ?")) {
        p.setString(1, id);
        return p.executeUpdate() > 0;
      }
    });
  }

  private interface Work {
    boolean run(Connection c) throws SQLException;
  }

  private boolean inTransaction(String what, Work work) {
    try (Connection c = db.connection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        boolean result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(auto);
      }
    } catch (SQLException e) {
      throw new StoreFailure("cannot " + what + " schedule: " + e.getMessage(), e);
    }
  }

  private static void bind(PreparedStatement p, Schedule s) throws SQLException {
    p.setString(1, s.id());
    p.setString(2, s.room());
    p.setString(3, s.title());
    p.setLong(4, s.start().toEpochMilli());
    p.setLong(5, s.end().toEpochMilli());
    p.setLong(6, s.warning().toMillis());
    p.setLong(7, s.joinEarly().toMillis());
    p.setInt(8, s.retries());
    p.setLong(9, s.retryDelay().toMillis());
    p.setBoolean(10, s.record());
  }

  private static void insertPeople(Connection c, Schedule s) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO schedule_participants"
        + " (schedule_id, position, name, number, dial, role, pin) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      int position = 0;
      for (Participant person : s.participants()) {
        p.setString(1, s.id());
        p.setInt(2, position++);
        p.setString(3, person.name());
        p.setString(4, person.number());
        p.setString(5, person.dial());
        p.setString(6, person.role().name());
        p.setString(7, person.pin());
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  private static void deletePeople(Connection c, String id) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("DELETE FROM schedule_participants WHERE schedule_id = ?")) {
      p.setString(1, id);
      p.executeUpdate();
    }
  }
}
