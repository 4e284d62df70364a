package dev.parley.server.schedule;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The schedules of this server: checked, saved in the store, and kept in memory so that a call's
 * lookup ({@link #gating}) and the timer never touch the database. Thread-safe; writes are serialised
 * on this object, reads see an immutable snapshot.
 */
public final class ScheduleBook {
  private final ScheduleRepository store;
  private final Clock clock;
  private final Consumer<String> dialCheck;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private volatile List<Schedule> snapshot = List.of();

  /** @param dialCheck throws IllegalArgumentException naming what is wrong with a dial string */
  public ScheduleBook(ScheduleRepository store, Clock clock, Consumer<String> dialCheck) {
    this.store = store;
    this.clock = clock;
    this.dialCheck = dialCheck;
    this.snapshot = sorted(store.all());
  }

  /** Called (on the writer's thread) after every change; the timer re-plans. */
  public void onChange(Runnable r) {
    listeners.add(r);
  }

  public List<Schedule> all() {
    return snapshot;
  }

  public Schedule get(String id) {
    for (Schedule s : snapshot) if (s.id().equals(id)) return s;
    return null;
  }

  /** The schedule that holds {@code room} now (only listed people may join), or null. */
  public Schedule gating(String room) {
    var now = clock.instant();
    for (Schedule s : snapshot) if (s.room().equals(room) && s.gates(now)) return s;
    return null;
  }

  /** @throws ScheduleException for an invalid schedule or one overlapping another in its room */
  public Schedule create(Schedule s) {
    Schedule saved;
    synchronized (this) {
      ScheduleRules.check(s, clock.instant(), dialCheck, snapshot);
      saved = store.insert(s.withId(null));
      List<Schedule> next = new ArrayList<>(snapshot);
      next.add(saved);
      snapshot = sorted(next);
    }
    changed();
    return saved;
  }

  /** @return null when there is no schedule {@code id} */
  public Schedule replace(String id, Schedule s) {
    Schedule saved = s.withId(id);
    synchronized (this) {
      if (get(id) == null) return null;
      List<Schedule> others = snapshot.stream().filter(o -> !o.id().equals(id)).toList();
      ScheduleRules.check(saved, clock.instant(), dialCheck, others);
      if (!store.replace(saved)) return null;
      List<Schedule> next = new ArrayList<>(others);
      next.add(saved);
      snapshot = sorted(next);
    }
    changed();
    return saved;
  }

  /** @return false when there was no schedule {@code id} */
  public boolean delete(String id) {
    synchronized (this) {
      if (get(id) == null) return false;
      store.delete(id);
      snapshot = snapshot.stream().filter(o -> !o.id().equals(id)).toList();
    }
    changed();
    return true;
  }

  private void changed() {
    for (Runnable r : listeners) r.run();
  }

  private static List<Schedule> sorted(List<Schedule> list) {
    return list.stream().sorted(Comparator.comparing(Schedule::start).thenComparing(Schedule::id)).toList();
  }
}
