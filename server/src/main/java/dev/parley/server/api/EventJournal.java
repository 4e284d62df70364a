package dev.parley.server.api;

import dev.parley.server.conference.ConferenceEvent;
import dev.parley.server.conference.ConferenceListener;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The recent past of the conference, for the event stream: the last {@code capacity} events as JSON
 * text, and the clients that follow it. A client that reconnects names the last sequence number it
 * saw and gets what it missed, as long as that is still in the backlog.
 *
 * <p>Runs on the conference's event thread. It never waits for a client: each {@link Follower}
 * takes the text and queues it itself.
 */
final class EventJournal implements ConferenceListener {
  /** An event as it is sent: its number, its room (for the filter) and its JSON text. */
  record Entry(long seq, String room, String json) {}

  /** A client of the stream. {@link #deliver} must return at once. */
  interface Follower {
    /** null = every room */
    String room();

    void deliver(Entry e);
  }

  /**
   * What a client that asked to resume gets first.
   *
   * @param missed the backlog's events after the client's sequence number, oldest first
   * @param truncated whether events it asked for had already left the backlog
   * @param firstAvailable the oldest sequence number still held (0 when the backlog is empty)
   */
  record Replay(List<Entry> missed, boolean truncated, long firstAvailable, long lastSequence) {}

  private final int capacity;
  private final EventJson json;
  private final ArrayDeque<Entry> backlog;
  private final CopyOnWriteArrayList<Follower> followers = new CopyOnWriteArrayList<>();
  private long lastSequence;

  EventJournal(int capacity, EventJson json) {
    this.capacity = capacity;
    this.json = json;
    this.backlog = new ArrayDeque<>(Math.min(capacity, 1024));
  }

  @Override
  public void onEvent(long sequence, ConferenceEvent event) {
    Entry e = new Entry(sequence, event.room(), json.toJson(sequence, event).toString());
    synchronized (this) {
      if (backlog.size() == capacity) backlog.removeFirst();
      backlog.addLast(e);
      lastSequence = sequence;
      // Inside the lock, so a client that joins now sees every event once: in the replay or live.
      for (Follower f : followers) {
        if (f.room() == null || f.room().equals(e.room())) f.deliver(e);
      }
    }
  }

  /**
   * Adds a follower and returns what it missed after {@code since} (null: nothing, live only).
   * Atomic with publication: no event falls between the replay and the live ones.
   */
  synchronized Replay follow(Follower f, Long since) {
    List<Entry> missed = new ArrayList<>();
    long first = backlog.isEmpty() ? 0 : backlog.peekFirst().seq();
    boolean truncated = false;
    if (since != null) {
      truncated = since < lastSequence && (backlog.isEmpty() || first > since + 1);
      for (Entry e : backlog) {
        if (e.seq() > since && (f.room() == null || f.room().equals(e.room()))) missed.add(e);
      }
    }
    followers.add(f);
    return new Replay(missed, truncated, first, lastSequence);
  }

  void unfollow(Follower f) {
    followers.remove(f);
  }

  synchronized long lastSequence() {
    return lastSequence;
  }

  int followerCount() {
    return followers.size();
  }
}
