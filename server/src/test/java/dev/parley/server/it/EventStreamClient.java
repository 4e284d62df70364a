package dev.parley.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A client of the event stream (the JDK's WebSocket): keeps every message and waits for one. */
final class EventStreamClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<JsonNode> messages = new ArrayList<>();
    private final WebSocket socket;
    private final StringBuilder partial = new StringBuilder();

    /** @param query e.g. {@code room=3000&since=0}, or empty */
    EventStreamClient(ApiClient api, String query) throws Exception {
        URI uri = URI.create(api.base().replace("http:", "ws:") + "/api/v1/events" + (query.isEmpty() ? "" : "?" + query));
        socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + api.token())
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(uri, new Listener())
                .get(5, TimeUnit.SECONDS);
    }

    /** Every message so far, in arrival order. */
    synchronized List<JsonNode> messages() {
        return List.copyOf(messages);
    }

    /** Waits for a message that matches, at most {@code timeout}; fails with what did arrive. */
    synchronized JsonNode await(Predicate<JsonNode> wanted, String what, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (JsonNode m : messages) if (wanted.test(m)) return m;
            long left = deadline - System.nanoTime();
            if (left <= 0) throw new AssertionError("no event " + what + " within " + timeout + "; got " + messages);
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    private synchronized void add(JsonNode m) {
        messages.add(m);
        notifyAll();
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }

    private final class Listener implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    add(JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    throw new IllegalStateException("not JSON: " + partial, e);
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }
}
