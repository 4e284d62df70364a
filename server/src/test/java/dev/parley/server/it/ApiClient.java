package dev.parley.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Calls the API of a server under test, as any HTTP client would; every call is bounded (5 s). */
final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A status and a parsed JSON body. */
    record Reply(int status, JsonNode body) {}

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;

    ApiClient(int port, String token) {
        this.base = "http://127.0.0.1:" + port;
        this.token = token;
    }

    /** The token the server generated into its data directory on first start. */
    static String generatedToken(Path serverDir) {
        try {
            return Files.readString(serverDir.resolve(dev.parley.testkit.TestConfig.API_TOKEN_FILE)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ApiClient withToken(String other) {
        return new ApiClient(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), other);
    }

    String base() {
        return base;
    }

    String token() {
        return token;
    }

    Reply get(String path) {
        return send(request(path).GET());
    }

    Reply post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)));
    }

    Reply delete(String path) {
        return send(request(path).DELETE());
    }

    /** The members of {@code room} once the API lists {@code count} of them; fails after {@code limit}. */
    JsonNode awaitMembers(String room, int count, java.time.Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            Reply r = get("/api/v1/rooms/" + room + "/members");
            JsonNode members = r.body() == null ? null : r.body().path("members");
            if (r.status() == 200 && members.size() == count) return members;
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not " + count + " members in room " + room + " within " + limit + ": " + r);
            }
            Thread.sleep(100);
        }
    }

    String getText(String path) {
        try {
            return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(5));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return b;
    }

    private Reply send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            String body = r.body();
            return new Reply(r.statusCode(), body.isEmpty() ? JSON.nullNode() : JSON.readTree(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
