package dev.parley.server.conference;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands conference events to observers on one thread of its own, so the room that published an event
 * never waits for an observer. Sequence numbers are given at publication, in publication order.
 */
public final class ConferenceEvents implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ConferenceEvents.class);

  private final CopyOnWriteArrayList<ConferenceListener> listeners = new CopyOnWriteArrayList<>();
  private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "conference-events");
    t.setDaemon(true);
    return t;
  });
  private final AtomicLong sequence = new AtomicLong();
  private final Object order = new Object();

  public void subscribe(ConferenceListener l) {
    listeners.add(l);
  }

  public void unsubscribe(ConferenceListener l) {
    listeners.remove(l);
  }

  public void publish(ConferenceEvent e) {
    // Numbering and queueing together, so the queue holds events in sequence order.
    synchronized (order) {
      long seq = sequence.incrementAndGet();
      thread.execute(() -> deliver(seq, e));
    }
  }

  private void deliver(long seq, ConferenceEvent e) {
    for (ConferenceListener l : listeners) {
      try {
        l.onEvent(seq, e);
      } catch (RuntimeException ex) {
        log.warn("event observer {} failed on {} #{}", l, e.type(), seq, ex);
      }
    }
  }

  /** The sequence number of the last event published. */
  public long lastSequence() {
    return sequence.get();
  }

  /**
   * Waits until every event published so far has been delivered, at most {@code limit}: for a clean
   * stop, so that observers see the last events before they close.
   */
  public void awaitDelivered(java.time.Duration limit) {
    try {
      thread.submit(() -> {}).get(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException
        | java.util.concurrent.RejectedExecutionException e) {
      log.warn("events not all delivered within {}: {}", limit, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    thread.shutdown();
  }
}
