package dev.parley.server.api;

import dev.parley.server.config.WebhookConfig;
import dev.parley.server.webhook.WebhookSigner;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One webhook receiver: a bounded queue of events and one thread of its own that POSTs them in
 * order, retrying a failed POST with backoff. When the queue is full the oldest waiting event is
 * dropped (and counted): the conference never waits for a receiver.
 */
final class WebhookTarget {
  private static final Logger log = LoggerFactory.getLogger(WebhookTarget.class);
  static final int QUEUE_LIMIT = 1000;
  /** Waits before retries 1..5; after the last the event is dropped. */
  static final Duration[] BACKOFF = {
      Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8)};
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

  private final WebhookConfig config;
  private final WebhookSigner signer;
  private final HttpClient http;
  private final Clock clock;
  private final BlockingQueue<EventJournal.Entry> queue = new ArrayBlockingQueue<>(QUEUE_LIMIT);
  private final AtomicLong dropped = new AtomicLong();
  private final Thread thread;

  WebhookTarget(WebhookConfig config, HttpClient http, Clock clock) {
    this.config = config;
    this.signer = new WebhookSigner(config.secret());
    this.http = http;
    this.clock = clock;
    this.thread = Thread.ofVirtual().name("webhook-" + config.url().getHost()).unstarted(this::run);
  }

  WebhookConfig config() {
    return config;
  }

  void start() {
    thread.start();
  }

  void stop() {
    thread.interrupt();
  }

  /** Never blocks. */
  void offer(EventJournal.Entry e) {
    while (!queue.offer(e)) {
      if (queue.poll() != null) dropped.incrementAndGet();
    }
  }

  long dropped() {
    return dropped.get();
  }

  private void run() {
    try {
      while (true) deliver(queue.take());
    } catch (InterruptedException e) {
      // stopping
    }
  }

  private void deliver(EventJournal.Entry e) throws InterruptedException {
    for (int attempt = 0; ; attempt++) {
      String failure = post(e.json());
      if (failure == null) return;
      if (attempt == BACKOFF.length) {
        dropped.incrementAndGet();
        log.warn("webhook {}: dropping event #{} after {} attempts: {}", config.url(), e.seq(), attempt + 1, failure);
        return;
      }
      log.info("webhook {}: event #{} failed ({}), retrying in {} ms", config.url(), e.seq(), failure,
          BACKOFF[attempt].toMillis());
      Thread.sleep(BACKOFF[attempt]);
    }
  }

  /** @return null when the receiver took it (2xx), else why not */
  private String post(String body) throws InterruptedException {
    long now = clock.instant().getEpochSecond();
    HttpRequest request = HttpRequest.newBuilder(config.url())
        .timeout(REQUEST_TIMEOUT)
        .header("Content-Type", "application/json")
        .header("User-Agent", "Parley")
        .header(WebhookSigner.TIMESTAMP_HEADER, Long.toString(now))
        .header(WebhookSigner.SIGNATURE_HEADER, signer.sign(now, body))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    try {
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return status / 100 == 2 ? null : "HTTP " + status;
    } catch (IOException ex) {
      return ex.toString();
    }
  }
}
