package dev.parley.server.schedule;

import java.util.List;

/**
 * Where schedules are kept (the database). Implementations are thread-safe; a failure of the store is a
 * {@link StoreFailure} with the reason.
 */
public interface ScheduleRepository {
  /** Every schedule, by start. */
  List<Schedule> all();

  /** Saves a new schedule; @return it with its id */
  Schedule insert(Schedule s);

  /** Replaces the schedule with {@code s.id()}; @return false when there is none */
  boolean replace(Schedule s);

  /** @return false when there was none */
  boolean delete(String id);

  /** The store could not be read or written. */
  final class StoreFailure extends RuntimeException {
    public StoreFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
