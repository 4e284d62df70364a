package dev.parley.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.server.conference.ConferenceEvent;
import dev.parley.server.conference.ConferenceListener;
import dev.parley.server.config.WebhookConfig;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Pushes conference events to the configured receivers (Yate's notify target, FreeSWITCH's hooks).
 * On the conference's event thread it only filters and queues; each receiver has its own sender
 * ({@link WebhookTarget}).
 */
public final class Webhooks implements ConferenceListener, AutoCloseable {
  private final List<WebhookTarget> targets;
  private final EventJson json = new EventJson(new ObjectMapper());

  public Webhooks(List<WebhookConfig> configs, Clock clock) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    this.targets = configs.stream().map(c -> new WebhookTarget(c, http, clock)).toList();
    targets.forEach(WebhookTarget::start);
  }

  @Override
  public void onEvent(long sequence, ConferenceEvent event) {
    EventJournal.Entry entry = null;
    for (WebhookTarget t : targets) {
      if (!t.config().wants(event.room(), event.type())) continue;
      if (entry == null) entry = new EventJournal.Entry(sequence, event.room(), json.toJson(sequence, event).toString());
      t.offer(entry);
    }
  }

  @Override
  public void close() {
    targets.forEach(WebhookTarget::stop);
  }
}
