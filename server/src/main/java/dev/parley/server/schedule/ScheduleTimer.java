package dev.parley.server.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread for every schedule: it sleeps until the earliest moment due (a start, a warning, an end)
 * or until the book changes, fires what is due and plans again. No poll per room, and no database
 * read: the book is in memory.
 *
 * <p>What has fired is kept per schedule for this run. A schedule whose start passed while the
 * server was down but whose end has not is started at once (its participants are dialled again);
 * one that is over is left alone. A schedule replaced with other times starts afresh; a running one
 * that is deleted or moved ends its room.
 */
public final class ScheduleTimer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ScheduleTimer.class);
  /** Re-plans at least this often, so a clock step is noticed. */
  private static final Duration LONGEST_SLEEP = Duration.ofSeconds(30);

  /** The moments of a schedule. */
  enum Moment { START, WARN, END }

  private final ScheduleBook book;
  private final ScheduleActions actions;
  private final Clock clock;
  private final Map<String, Fired> fired = new HashMap<>();
  private final Thread thread;
  private boolean changed;
  private boolean closed;

  /** What fired for one version of a schedule. */
  private record Fired(Schedule version, Set<Moment> moments) {}

  public ScheduleTimer(ScheduleBook book, ScheduleActions actions, Clock clock) {
    this.book = book;
    this.actions = actions;
    this.clock = clock;
    book.onChange(this::wake);
    this.thread = Thread.ofPlatform().name("parley-schedules").daemon(true).unstarted(this::run);
  }

  public ScheduleTimer start() {
    thread.start();
    return this;
  }

  private synchronized void wake() {
    changed = true;
    notifyAll();
  }

  private void run() {
    while (true) {
      Instant now = clock.instant();
      Instant next = fireDue(now);
      long waitMillis = Math.max(1, Math.min(LONGEST_SLEEP.toMillis(),
          next == null ? Long.MAX_VALUE : Duration.between(clock.instant(), next).toMillis() + 1));
      synchronized (this) {
        try {
          if (!changed && !closed) wait(waitMillis);
        } catch (InterruptedException e) {
          return;
        }
        if (closed) return;
        changed = false;
      }
    }
  }

  /** Fires everything due at {@code now}; @return the next moment to wake for, or null */
  Instant fireDue(Instant now) {
    List<Schedule> current = book.all();
    Map<String, Schedule> byId = new HashMap<>();
    for (Schedule s : current) byId.put(s.id(), s);
    // Deleted or changed. The same room keeps what fired (no second dial-out) unless it no longer runs now;
    // a new end or warning is warned about again. Otherwise a schedule that had started ends its room.
    Map<String, Fired> carried = new HashMap<>();
    for (var it = fired.entrySet().iterator(); it.hasNext(); ) {
      var e = it.next();
      Fired f = e.getValue();
      Schedule nv = byId.get(e.getKey());
      if (nv != null && nv.equals(f.version())) continue;
      it.remove();
      boolean started = f.moments().contains(Moment.START) && !f.moments().contains(Moment.END);
      if (nv != null && nv.room().equals(f.version().room()) && !now.isBefore(nv.start()) && now.isBefore(nv.end())) {
        Set<Moment> keep = EnumSet.copyOf(f.moments());
        if (!nv.end().equals(f.version().end()) || !nv.warning().equals(f.version().warning())) keep.remove(Moment.WARN);
        carried.put(e.getKey(), new Fired(nv, keep));
      } else if (started) {
        fire(f.version(), Moment.END);
      }
    }
    fired.putAll(carried);
    Instant next = null;
    for (Schedule s : current) {
      Fired f = fired.computeIfAbsent(s.id(), id -> new Fired(s, EnumSet.noneOf(Moment.class)));
      for (Moment m : due(s, f.moments(), now)) {
        f.moments().add(m);
        fire(s, m);
      }
      Instant n = nextMoment(s, f.moments(), now);
      if (n != null && (next == null || n.isBefore(next))) next = n;
    }
    return next;
  }

  /** The moments of {@code s} due at {@code now} that have not fired, in order. */
  static List<Moment> due(Schedule s, Set<Moment> done, Instant now) {
    List<Moment> out = new ArrayList<>();
    boolean running = !now.isBefore(s.start()) && now.isBefore(s.end());
    if (running && !done.contains(Moment.START)) out.add(Moment.START);
    boolean started = done.contains(Moment.START) || out.contains(Moment.START);
    if (running && started && !s.warning().isZero() && !done.contains(Moment.WARN)
        && !now.isBefore(s.end().minus(s.warning()))) {
      out.add(Moment.WARN);
    }
    // Only a schedule this run started is ended: one that was over before the server came up is history.
    if (!now.isBefore(s.end()) && done.contains(Moment.START) && !done.contains(Moment.END)) out.add(Moment.END);
    return out;
  }

  /** When {@code s} next needs the timer after {@code now}, or null when it never will. */
  static Instant nextMoment(Schedule s, Set<Moment> done, Instant now) {
    if (!now.isBefore(s.end())) return null;
    if (!done.contains(Moment.START)) return s.start();
    Instant warnAt = s.end().minus(s.warning());
    if (!s.warning().isZero() && !done.contains(Moment.WARN) && warnAt.isAfter(now)) return warnAt;
    return s.end();
  }

  private void fire(Schedule s, Moment m) {
    log.info("schedule {} (room {}): {}", s.id(), s.room(), m.name().toLowerCase());
    try {
      switch (m) {
        case START -> actions.start(s);
        case WARN -> actions.warn(s);
        case END -> actions.end(s);
      }
    } catch (RuntimeException e) {
      log.error("schedule {} (room {}): {} failed", s.id(), s.room(), m, e);
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      notifyAll();
    }
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
