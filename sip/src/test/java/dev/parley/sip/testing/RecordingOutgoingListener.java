package dev.parley.sip.testing;

import dev.parley.sip.EndReason;
import dev.parley.sip.OutgoingCallListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An {@link OutgoingCallListener} that records every event as text: {@code progress:180}, {@code
 * early:<sdp>}, {@code answered:<sdp>}, {@code failed:<status>}, {@code ended:<REASON>}, {@code
 * reinvite:<offer>}, {@code info:<type>:<body>}; and whether each ran on a virtual thread.
 */
public final class RecordingOutgoingListener implements OutgoingCallListener {
  private final LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
  private final List<String> all = new ArrayList<>();
  private volatile boolean allVirtual = true;

  private void record(String text) {
    if (!Thread.currentThread().isVirtual()) allVirtual = false;
    synchronized (all) {
      all.add(text);
    }
    queue.add(text);
  }

  @Override
  public void onProgress(int status) {
    record("progress:" + status);
  }

  @Override
  public void onEarlyMedia(String sdp) {
    record("early:" + sdp);
  }

  @Override
  public void onAnswered(String sdp) {
    record("answered:" + sdp);
  }

  @Override
  public void onFailed(int status, String reason) {
    record("failed:" + status);
  }

  @Override
  public void onEnded(EndReason reason) {
    record("ended:" + reason);
  }

  @Override
  public String onReinvite(String offerSdp) {
    record("reinvite:" + offerSdp);
    return null;
  }

  @Override
  public void onInfo(String contentType, String body) {
    record("info:" + contentType + ":" + body);
  }

  /** Skips events until one starts with {@code prefix}; null if none within the timeout. */
  public String awaitPrefix(String prefix, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        if (left <= 0) return null;
        String e = queue.poll(left, TimeUnit.NANOSECONDS);
        if (e == null) return null;
        if (e.startsWith(prefix)) return e;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** Every event so far, in order. */
  public List<String> texts() {
    synchronized (all) {
      return List.copyOf(all);
    }
  }

  public boolean allOnVirtualThreads() {
    return allVirtual;
  }
}
