package dev.parley.sip.testing;

import dev.parley.sip.CallListener;
import dev.parley.sip.EndReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A {@link CallListener} that records every event as text ({@code ack}, {@code ack:<sdp>}, {@code
 * reinvite:<offer>}, {@code info:<type>:<body>}, {@code ended:<REASON>}) with the thread it ran on.
 */
public final class RecordingListener implements CallListener {
  /** One event and where it ran. */
  public record Event(String text, boolean virtualThread, String threadName) {}

  private final LinkedBlockingQueue<Event> queue = new LinkedBlockingQueue<>();
  private final List<Event> all = new ArrayList<>();
  private volatile UnaryOperator<String> reinviteAnswer = offer -> null;

  /** What {@link #onReinvite} returns for an offer (null offer for a re-INVITE without SDP). */
  public RecordingListener answeringReinvites(UnaryOperator<String> answer) {
    this.reinviteAnswer = answer;
    return this;
  }

  private void record(String text) {
    Thread t = Thread.currentThread();
    Event e = new Event(text, t.isVirtual(), t.getName());
    synchronized (all) {
      all.add(e);
    }
    queue.add(e);
  }

  @Override
  public void onAck(String sdp) {
    record(sdp == null ? "ack" : "ack:" + sdp);
  }

  @Override
  public String onReinvite(String offerSdp) {
    record("reinvite:" + offerSdp);
    return reinviteAnswer.apply(offerSdp);
  }

  @Override
  public void onInfo(String contentType, String body) {
    record("info:" + contentType + ":" + body);
  }

  @Override
  public void onEnded(EndReason reason) {
    record("ended:" + reason);
  }

  /** The next event (in order), or null after the timeout. */
  public Event next(Duration timeout) {
    try {
      return queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** The next event's text, or null. */
  public String nextText(Duration timeout) {
    Event e = next(timeout);
    return e == null ? null : e.text();
  }

  /** Skips events until one starts with the prefix; null if none within the timeout. */
  public Event awaitPrefix(String prefix, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) return null;
      Event e = next(Duration.ofNanos(left));
      if (e == null) return null;
      if (e.text().startsWith(prefix)) return e;
    }
  }

  /** Every event so far. */
  public List<Event> events() {
    synchronized (all) {
      return List.copyOf(all);
    }
  }

  public List<String> texts() {
    return events().stream().map(Event::text).toList();
  }
}
