package dev.parley.server.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code parley events [--room R] [--since SEQ]}: tails the event stream until the server closes it or ^C. */
@Command(name = "events", description = "Follow the live event stream (like fs_cli's /events).")
public final class EventsCommand extends ApiSubcommand {
  @Option(names = "--room", paramLabel = "ROOM", description = "Only this room's events.") String room;
  @Option(names = "--since", paramLabel = "SEQ", description = "First replay what came after this sequence number.") Long since;

  @Override
  void run(ApiCall api, PrintStream out) throws ApiCall.Failure {
    StringBuilder query = new StringBuilder();
    if (room != null) query.append("room=").append(URLEncoder.encode(room, StandardCharsets.UTF_8));
    if (since != null) query.append(query.isEmpty() ? "" : "&").append("since=").append(since);
    URI uri = URI.create(api.options.baseUrl().replaceFirst("^http", "ws") + ApiCall.path("events")
        + (query.isEmpty() ? "" : "?" + query));
    CompletableFuture<String> closed = new CompletableFuture<>();
    try {
      api.http.newWebSocketBuilder()
          .header("Authorization", "Bearer " + api.token)
          .connectTimeout(Duration.ofSeconds(5))
          .buildAsync(uri, new Printer(api, out, closed))
          .get(10, TimeUnit.SECONDS);
      String why = closed.get();
      if (!why.isEmpty()) throw new ApiCall.Failure(1, "the stream ended: " + why);
    } catch (ExecutionException e) {
      throw new ApiCall.Failure(1, "cannot follow " + uri + ": " + e.getCause().getMessage()
          + " (wrong token or server without the API?)");
    } catch (TimeoutException e) {
      throw new ApiCall.Failure(1, "no answer from " + uri);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static final class Printer implements WebSocket.Listener {
    private final ApiCall api;
    private final PrintStream out;
    private final CompletableFuture<String> closed;
    private final StringBuilder partial = new StringBuilder();

    Printer(ApiCall api, PrintStream out, CompletableFuture<String> closed) {
      this.api = api;
      this.out = out;
      this.closed = closed;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        print(partial.toString());
        partial.setLength(0);
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
      closed.complete(status == WebSocket.NORMAL_CLOSURE ? "" : status + " " + reason);
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      closed.complete(error.toString());
    }

    private void print(String text) {
      if (api.options.json) {
        out.println(text);
        return;
      }
      try {
        JsonNode e = ApiCall.JSON.readTree(text);
        StringBuilder b = new StringBuilder();
        b.append(e.path("seq").asText("-")).append("  ").append(e.path("time").asText("")).append("  ")
            .append(e.path("type").asText()).append("  ").append(e.path("room").asText(""));
        for (Iterator<Map.Entry<String, JsonNode>> it = e.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> f = it.next();
          if (!java.util.Set.of("seq", "time", "type", "room").contains(f.getKey())) {
            b.append("  ").append(f.getKey()).append('=').append(f.getValue().isTextual() ? f.getValue().asText() : f.getValue());
          }
        }
        out.println(b.toString().strip());
      } catch (Exception ex) {
        out.println(text);
      }
    }
  }
}
