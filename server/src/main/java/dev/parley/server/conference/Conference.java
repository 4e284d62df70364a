package dev.parley.server.conference;

import dev.parley.media.engine.MediaEngine;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rooms of this server. A room is created when its first caller is accepted and removed when the
 * last member leaves. Thread-safe.
 */
public final class Conference {
  private static final Logger log = LoggerFactory.getLogger(Conference.class);

  private final MediaEngine engine;
  private final Clock clock;
  private final ScheduledExecutorService timers;
  private final ConcurrentHashMap<String, Room> rooms = new ConcurrentHashMap<>();

  public Conference(MediaEngine engine, Clock clock, ScheduledExecutorService timers) {
    this.engine = engine;
    this.clock = clock;
    this.timers = timers;
  }

  /** Outcome of asking for a place in a room. */
  public sealed interface Admission {
    record Admitted(Room room) implements Admission {}

    record Full(String room, int maxMembers) implements Admission {}
  }

  /**
   * Reserves a place in room {@code name}, creating the room with {@code profile} if it does not
   * exist. A room that exists keeps the profile it was created with.
   */
  public Admission admit(String name, RoomProfile profile) {
    Room[] result = new Room[1];
    rooms.compute(name, (key, existing) -> {
      Room room = existing;
      if (room == null) {
        room = new Room(name, profile, engine.createRoom(profile.media()), clock, timers);
        log.info("room {} created (profile {})", name, profile.name());
      }
      // A new room always has space (max-members counts from 1), so only an existing one can be full.
      result[0] = room.tryReserve() ? room : null;
      return room;
    });
    if (result[0] == null) {
      Room r = rooms.get(name);
      return new Admission.Full(name, r == null ? profile.maxMembers() : r.profile().maxMembers());
    }
    return new Admission.Admitted(result[0]);
  }

  /** Drops a room that has no members and no pending callers. */
  public void removeIfIdle(Room room) {
    rooms.computeIfPresent(room.name(), (key, r) -> {
      if (r != room || !r.idle()) return r;
      r.markClosed();
      log.info("room {} removed (empty)", key);
      return null;
    });
  }

  public List<Room> rooms() {
    return List.copyOf(rooms.values());
  }

  public Room room(String name) {
    return rooms.get(name);
  }
}
