package dev.parley.server.schedule;

import java.util.ArrayList;
import java.util.List;

/** A repository in a list, for the book's and timer's tests (the database has its own: ScheduleStoreTest). */
final class MemorySchedules implements ScheduleRepository {
  private final List<Schedule> saved = new ArrayList<>();
  private int next = 1;

  @Override
  public synchronized List<Schedule> all() {
    return List.copyOf(saved);
  }

  @Override
  public synchronized Schedule insert(Schedule s) {
    Schedule withId = s.withId("s" + next++);
    saved.add(withId);
    return withId;
  }

  @Override
  public synchronized boolean replace(Schedule s) {
    for (int i = 0; i < saved.size(); i++) {
      if (saved.get(i).id().equals(s.id())) {
        saved.set(i, s);
        return true;
      }
    }
    return false;
  }

  @Override
  public synchronized boolean delete(String id) {
    return saved.removeIf(s -> s.id().equals(id));
  }
}
