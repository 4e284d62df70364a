package dev.parley.server.schedule;

/**
 * What happens at a schedule's moments; the call layer implements it. Called on the timer's one
 * thread, so an implementation hands anything slow (dialling, ending calls) on and returns.
 */
public interface ScheduleActions {
  /** The start time: dial the participants. Also at server start for a schedule already running. */
  void start(Schedule s);

  /** {@link Schedule#warning} before the end: tell the room. */
  void warn(Schedule s);

  /** The end time, or a running schedule was deleted or moved: end the room. */
  void end(Schedule s);
}
