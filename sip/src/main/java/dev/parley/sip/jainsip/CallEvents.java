package dev.parley.sip.jainsip;

import java.util.ArrayDeque;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event queue of one call (or of the registrar, or of one outbound registration), for a listener
 * of type {@code L}: events run one after another, in the order they were posted, on a
 * virtual thread, and only once a listener is set (until then they wait). A thread is started when
 * events are waiting and none is running, so an idle call holds no thread.
 *
 * <p>The SIP stack posts from its event thread and must never wait for the application: posting only
 * enqueues.
 */
final class CallEvents<L> {
  private static final Logger log = LoggerFactory.getLogger(CallEvents.class);

  private final String name;
  private final ArrayDeque<Consumer<L>> queue = new ArrayDeque<>();
  private L listener;
  private boolean running;

  CallEvents(String name) {
    this.name = name;
  }

  /** Sets or replaces the listener, and delivers what has been waiting for it. */
  synchronized void setListener(L listener) {
    this.listener = listener;
    startIfNeeded();
  }

  /** Queues an event for the listener. */
  synchronized void post(Consumer<L> event) {
    queue.add(event);
    startIfNeeded();
  }

  private void startIfNeeded() {
    if (running || listener == null || queue.isEmpty()) return;
    running = true;
    Thread.ofVirtual().name("sip-events " + name).start(this::drain);
  }

  private void drain() {
    while (true) {
      Consumer<L> event;
      L target;
      synchronized (this) {
        event = queue.poll();
        if (event == null) {
          running = false;
          return;
        }
        target = listener;
      }
      try {
        event.accept(target);
      } catch (Throwable t) {
        // One failing event must not cost the call its later ones (onEnded above all).
        log.error("{}: the listener failed", name, t);
        if (t instanceof VirtualMachineError fatal) throw fatal;
      }
    }
  }
}
