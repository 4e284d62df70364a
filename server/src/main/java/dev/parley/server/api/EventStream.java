package dev.parley.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/events?room=R&since=SEQ} as a WebSocket: one text message per event (see
 * {@link EventJson}), in sequence order, preceded by a {@code stream.hello} message that tells the
 * last sequence number and whether a resume came too late for part of what was asked.
 *
 * <p>Each client has a queue of {@value #QUEUE_LIMIT} messages and a virtual thread that writes
 * them; a client that falls that far behind is closed (1013, "too slow; resume from SEQ") rather
 * than let the backlog grow without bound. Authentication happens before the upgrade, in
 * {@link ApiServer}.
 */
final class EventStream {
  private static final Logger log = LoggerFactory.getLogger(EventStream.class);
  static final int QUEUE_LIMIT = 2000;
  private static final EventJournal.Entry STOP = new EventJournal.Entry(-1, "", "");

  private final EventJournal journal;
  private final ObjectMapper mapper;
  private final ConcurrentHashMap<String, Client> clients = new ConcurrentHashMap<>();

  EventStream(EventJournal journal, ObjectMapper mapper) {
    this.journal = journal;
    this.mapper = mapper;
  }

  /** Validates the query before the upgrade, so a bad one is a 400 rather than a closed socket. */
  static void checkQuery(String since) {
    if (since == null) return;
    try {
      if (Long.parseLong(since) < 0) throw new NumberFormatException();
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("since must be a sequence number (0 or more), got '" + since + "'");
    }
  }

  void configure(WsConfig ws) {
    ws.onConnect(ctx -> {
      ctx.session.setIdleTimeout(java.time.Duration.ZERO);
      ctx.enableAutomaticPings();
      String room = ctx.queryParam("room");
      String since = ctx.queryParam("since");
      Client c = new Client(ctx, room == null || room.isEmpty() ? null : room);
      clients.put(ctx.sessionId(), c);
      EventJournal.Replay replay = journal.follow(c, since == null ? null : Long.parseLong(since));
      ObjectNode hello = mapper.createObjectNode();
      hello.put("type", "stream.hello");
      hello.put("lastSeq", replay.lastSequence());
      hello.put("firstAvailable", replay.firstAvailable());
      hello.put("truncated", replay.truncated());
      if (c.room != null) hello.put("room", c.room);
      c.start(hello.toString(), replay);
    });
    ws.onClose(ctx -> drop(ctx.sessionId()));
    ws.onError(ctx -> drop(ctx.sessionId()));
  }

  int clientCount() {
    return clients.size();
  }

  /** Ends every stream (server stopping). */
  void closeAll() {
    for (String id : clients.keySet()) drop(id);
  }

  private void drop(String sessionId) {
    Client c = clients.remove(sessionId);
    if (c != null) c.stop();
  }

  private final class Client implements EventJournal.Follower {
    private final WsContext ctx;
    private final String room;
    private final BlockingQueue<EventJournal.Entry> queue = new ArrayBlockingQueue<>(QUEUE_LIMIT + 1);
    private long lastSent;
    private volatile boolean overflowed;

    Client(WsContext ctx, String room) {
      this.ctx = ctx;
      this.room = room;
    }

    @Override
    public String room() {
      return room;
    }

    @Override
    public void deliver(EventJournal.Entry e) {
      if (overflowed) return;
      if (queue.size() >= QUEUE_LIMIT || !queue.offer(e)) {
        overflowed = true;
        queue.clear();
        queue.offer(STOP);
      }
    }

    void start(String hello, EventJournal.Replay replay) {
      Thread.ofVirtual().name("events-" + ctx.sessionId()).start(() -> run(hello, replay));
    }

    void stop() {
      journal.unfollow(this);
      queue.clear();
      queue.offer(STOP);
    }

    private void run(String hello, EventJournal.Replay replay) {
      try {
        ctx.send(hello);
        lastSent = replay.lastSequence();
        for (EventJournal.Entry e : replay.missed()) send(e);
        while (true) {
          EventJournal.Entry next = queue.take();
          if (next == STOP) break;
          send(next);
        }
        if (overflowed) {
          // 1013 "try again later" (RFC 6455 §7.4, IANA registry): the client resumes with since=.
          ctx.closeSession(1013, "too slow; resume from " + lastSent);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        log.debug("event stream {}: {}", ctx.sessionId(), e.toString());
      } finally {
        journal.unfollow(this);
      }
    }

    private void send(EventJournal.Entry e) {
      ctx.send(e.json());
      lastSent = e.seq();
    }
  }
}
