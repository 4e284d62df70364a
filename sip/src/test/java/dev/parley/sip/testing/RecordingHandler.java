package dev.parley.sip.testing;

import dev.parley.sip.CallHandler;
import dev.parley.sip.IncomingCall;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * A {@link CallHandler} for tests: records each call with a {@link RecordingListener} and the thread
 * onInvite ran on, then runs a behaviour (answer, reject, ring...).
 */
public final class RecordingHandler implements CallHandler {
  /** A call as the handler saw it. */
  public record Seen(IncomingCall call, RecordingListener listener, boolean virtualThread) {}

  private final BiConsumer<IncomingCall, RecordingListener> behaviour;
  private final LinkedBlockingQueue<Seen> calls = new LinkedBlockingQueue<>();
  private final Map<String, Seen> byCallId = new ConcurrentHashMap<>();

  public RecordingHandler(BiConsumer<IncomingCall, RecordingListener> behaviour) {
    this.behaviour = behaviour;
  }

  @Override
  public void onInvite(IncomingCall call) {
    Seen seen = new Seen(call, new RecordingListener(), Thread.currentThread().isVirtual());
    byCallId.put(call.callId(), seen);
    calls.add(seen);
    behaviour.accept(call, seen.listener());
  }

  /** The next call, or null after the timeout. */
  public Seen next(Duration timeout) {
    try {
      return calls.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** The call with this Call-ID, or null. */
  public Seen call(String callId) {
    return byCallId.get(callId);
  }
}
