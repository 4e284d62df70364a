package dev.parley.sip.jainsip;

import dev.parley.sip.CallListener;
import java.util.ArrayDeque;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event queue of one call: events run one after another, in the order they were posted, on a
 * virtual thread, and only once a listener is set (until then they wait). A thread is started when
 * events are waiting and none is running, so an idle call holds no thread.
 *
 * <p>The SIP stack posts from its event thread and must never wait for the application: posting only
 * enqueues.
 */
final class CallEvents {
  private static final Logger log = LoggerFactory.getLogger(CallEvents.class);

  private final String callId;
  private final ArrayDeque<Consumer<CallListener>> queue = new ArrayDeque<>();
  private CallListener listener;
  private boolean running;

  CallEvents(String callId) {
    this.callId = callId;
  }

  /** Sets or replaces the listener, and delivers what has been waiting for it. */
  synchronized void setListener(CallListener listener) {
    this.listener = listener;
    startIfNeeded();
  }

  /** Queues an event for the listener. */
  synchronized void post(Consumer<CallListener> event) {
    queue.add(event);
    startIfNeeded();
  }

  private void startIfNeeded() {
    if (running || listener == null || queue.isEmpty()) return;
    running = true;
    Thread.ofVirtual().name("sip-call-events " + callId).start(this::drain);
  }

  private void drain() {
    while (true) {
      Consumer<CallListener> event;
      CallListener target;
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
        log.error("call {}: the call listener failed", callId, t);
        if (t instanceof VirtualMachineError fatal) throw fatal;
      }
    }
  }
}
