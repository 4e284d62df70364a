package dev.parley.server.store;

import dev.parley.server.conference.ConferenceEvent;
import dev.parley.server.conference.ConferenceListener;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns conference events into billing records and recording rows. {@link #onEvent} only queues (the
 * conference's event thread never waits on the database); a thread of its own writes, in event order,
 * and every {@code heartbeat} marks the open records as seen so that {@link CrashRecovery} can close
 * them at the time the server was last alive.
 *
 * <p>The queue is bounded: when the database is slower than the conference for
 * {@value #QUEUE_CAPACITY} events, further events are dropped and the drop is logged (once per
 * {@value #DROP_LOG_EVERY}).
 */
public final class BillingWriter implements ConferenceListener, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BillingWriter.class);
  static final int QUEUE_CAPACITY = 10_000;
  static final int DROP_LOG_EVERY = 1000;
  private static final Object STOP = new Object();

  private final Database db;
  private final Clock clock;
  private final Duration heartbeat;
  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
  private final AtomicLong dropped = new AtomicLong();
  private final Thread thread;

  // Writer-thread state: what is open, by room and by member.
  private final Map<String, OpenRoom> rooms = new HashMap<>();
  private final Map<String, String> members = new HashMap<>();
  private final Map<String, String> recordings = new HashMap<>();

  private static final class OpenRoom {
    final String id;
    int count;
    int peak;

    OpenRoom(String id) {
      this.id = id;
    }
  }

  public BillingWriter(Database db, Clock clock, Duration heartbeat) {
    this.db = db;
    this.clock = clock;
    this.heartbeat = heartbeat;
    this.thread = Thread.ofPlatform().name("parley-store").daemon(true).unstarted(this::run);
  }

  public BillingWriter start() {
    thread.start();
    return this;
  }

  @Override
  public void onEvent(long sequence, ConferenceEvent event) {
    switch (event) {
      case ConferenceEvent.RoomCreated e -> offer(e);
      case ConferenceEvent.RoomEnded e -> offer(e);
      case ConferenceEvent.MemberJoined e -> offer(e);
      case ConferenceEvent.MemberLeft e -> offer(e);
      case ConferenceEvent.RecordingStarted e -> {
        if (!e.resumed()) offer(e);
      }
      case ConferenceEvent.RecordingStopped e -> offer(e);
      default -> {
        // Talking, keys, controls: not billing.
      }
    }
  }

  /** Events given up because the queue was full, since start. */
  public long dropped() {
    return dropped.get();
  }

  private void offer(ConferenceEvent e) {
    if (queue.offer(e)) return;
    long n = dropped.incrementAndGet();
    if (n % DROP_LOG_EVERY == 1) {
      log.warn("billing: the database is behind, {} events dropped so far (this one: {} in room {})", n, e.type(), e.room());
    }
  }

  /** Writes what is queued, a last heartbeat, and stops the thread (waits up to 10 s). */
  @Override
  public void close() {
    try {
      queue.put(STOP);
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    long next = System.nanoTime() + heartbeat.toNanos();
    while (true) {
      Object item;
      try {
        item = queue.poll(Math.max(0, next - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (item == STOP) {
        beat();
        return;
      }
      if (item instanceof ConferenceEvent e) write(e);
      if (System.nanoTime() - next >= 0) {
        beat();
        next += heartbeat.toNanos();
      }
    }
  }

  private void beat() {
    try (Connection c = db.connection()) {
      BillingTables.heartbeat(c, clock.instant());
    } catch (SQLException e) {
      log.warn("billing: heartbeat failed: {}", e.toString());
    }
  }

  private void write(ConferenceEvent event) {
    try (Connection c = db.connection()) {
      switch (event) {
        case ConferenceEvent.RoomCreated e -> {
          OpenRoom r = new OpenRoom(UUID.randomUUID().toString());
          rooms.put(e.room(), r);
          BillingTables.openRoom(c, r.id, e.room(), e.profile(), e.at());
        }
        case ConferenceEvent.RoomEnded e -> {
          OpenRoom r = rooms.remove(e.room());
          if (r != null) BillingTables.closeRoom(c, r.id, e.at(), "ended");
        }
        case ConferenceEvent.MemberJoined e -> {
          OpenRoom r = rooms.computeIfAbsent(e.room(), room -> openLate(c, room, e.at()));
          String id = UUID.randomUUID().toString();
          members.put(key(e.room(), e.member()), id);
          BillingTables.openMember(c, id, r.id, e.room(), e.member(), e.callId(), e.details(), e.at());
          r.count++;
          if (r.count > r.peak) {
            r.peak = r.count;
            BillingTables.peak(c, r.id, r.peak);
          }
        }
        case ConferenceEvent.MemberLeft e -> {
          String id = members.remove(key(e.room(), e.member()));
          if (id != null) BillingTables.closeMember(c, id, e.at(), e.reason().name());
          OpenRoom r = rooms.get(e.room());
          if (r != null) r.count--;
        }
        case ConferenceEvent.RecordingStarted e -> {
          String id = UUID.randomUUID().toString();
          recordings.put(e.path(), id);
          OpenRoom r = rooms.get(e.room());
          BillingTables.recordingStarted(c, id, r == null ? null : r.id, e.room(), e.path(), e.at());
        }
        case ConferenceEvent.RecordingStopped e -> {
          String id = recordings.remove(e.path());
          if (id != null) BillingTables.recordingStopped(c, id, e.at(), e.durationMillis(), e.sizeBytes());
        }
        default -> {}
      }
    } catch (SQLException | RuntimeException e) {
      log.warn("billing: could not write {} of room {}: {}", event.type(), event.room(), e.toString());
    }
  }

  /** A member joined a room whose creation this writer did not see (it started later): open one now. */
  private OpenRoom openLate(Connection c, String room, Instant at) {
    OpenRoom r = new OpenRoom(UUID.randomUUID().toString());
    try {
      BillingTables.openRoom(c, r.id, room, "", at);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return r;
  }

  private static String key(String room, int member) {
    return room + "#" + member;
  }
}
