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
  private final ConferenceEvents events;
  private final ConcurrentHashMap<String, Room> rooms = new ConcurrentHashMap<>();

  public Conference(MediaEngine engine, Clock clock, ScheduledExecutorService timers, ConferenceEvents events) {
    this.engine = engine;
    this.clock = clock;
    this.timers = timers;
    this.events = events;
  }

  public ConferenceEvents events() {
    return events;
  }

  public ScheduledExecutorService timers() {
    return timers;
  }

  public Clock clock() {
    return clock;
  }

  /**
   * Reserves a place in room {@code name}, creating the room with {@code profile} if it does not
   * exist (unless {@code mustExist}). A room that exists keeps the profile it was created with.
   */
  public Admission admit(String name, RoomProfile profile, boolean mustExist) {
    Admission[] result = new Admission[1];
    rooms.compute(name, (key, existing) -> {
      Room room = existing;
      if (room == null) {
        if (mustExist) {
          result[0] = new Admission.Refused(name, Admission.Refusal.NO_SUCH_ROOM, profile.maxMembers());
          return null;
        }
        room = new Room(name, profile, engine.createRoom(profile.media()), clock, timers, events);
        log.info("room {} created (profile {})", name, profile.name());
        events.publish(new ConferenceEvent.RoomCreated(clock.instant(), name, profile.name()));
      }
      Admission.Refusal why = room.tryReserve();
      result[0] = why == null
          ? new Admission.Admitted(room)
          : new Admission.Refused(name, why, room.profile().maxMembers());
      return room;
    });
    return result[0];
  }

  public Admission admit(String name, RoomProfile profile) {
    return admit(name, profile, false);
  }

  /**
   * Creates an empty room (the API's {@code POST /rooms}). Held open, it stays while empty until it is
   * ended; otherwise it is removed if still empty {@code emptyWait} after creation, and once someone
   * has joined it lives and goes like any room (its lonely rules, removed when the last one leaves).
   *
   * @return the new room, or null when a room of that name exists
   */
  public Room create(String name, RoomProfile profile, boolean holdOpen, java.time.Duration emptyWait) {
    Room[] created = new Room[1];
    rooms.computeIfAbsent(name, key -> {
      Room room = new Room(name, profile, engine.createRoom(profile.media()), clock, timers, events);
      if (holdOpen) room.holdOpen();
      log.info("room {} created empty by the API (profile {}{})", name, profile.name(), holdOpen ? ", held open" : "");
      events.publish(new ConferenceEvent.RoomCreated(clock.instant(), name, profile.name()));
      created[0] = room;
      return room;
    });
    Room room = created[0];
    if (room != null && !holdOpen) {
      timers.schedule(() -> removeIfIdle(room), emptyWait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }
    return room;
  }

  /** Drops a room that has no members and no pending callers. */
  public void removeIfIdle(Room room) {
    rooms.computeIfPresent(room.name(), (key, r) -> {
      if (r != room || !r.idle()) return r;
      r.markClosed();
      log.info("room {} removed (empty)", key);
      events.publish(new ConferenceEvent.RoomEnded(clock.instant(), key));
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
