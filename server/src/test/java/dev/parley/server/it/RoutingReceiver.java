package dev.parley.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A routing-webhook receiver as a user would write one, on the JDK's HTTP server: it checks each
 * request's signature with its own HMAC code (not Parley's signer), refuses a wrong or missing one
 * with 401, and answers the others with what {@code answers} says for the request. What it was asked
 * and what it refused are kept by dialled number for the test's assertions.
 */
final class RoutingReceiver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Older or newer timestamps are refused as replays. */
    private static final long MAX_AGE_SECONDS = 300;

    private final HttpServer http;
    private final String secret;
    private final Function<JsonNode, String> answers;
    private final Map<String, JsonNode> asked = new ConcurrentHashMap<>();
    private final Map<String, String> refused = new ConcurrentHashMap<>();

    private RoutingReceiver(HttpServer http, String secret, Function<JsonNode, String> answers) {
        this.http = http;
        this.secret = secret;
        this.answers = answers;
    }

    /** Listens on 127.0.0.1:{@code port} at {@code /route}; {@code answers} may block (a slow receiver). */
    static RoutingReceiver start(int port, String secret, Function<JsonNode, String> answers) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        RoutingReceiver r = new RoutingReceiver(http, secret, answers);
        http.createContext("/route", r::handle);
        http.start();
        return r;
    }

    /** The requests it trusted and answered, by {@code number}. */
    Map<String, JsonNode> asked() {
        return asked;
    }

    /** Why it refused requests, by {@code number}. */
    Map<String, String> refused() {
        return refused;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            JsonNode request = JSON.readTree(body);
            String number = request.path("number").asText();
            String problem = signatureProblem(exchange, body);
            if (problem != null) {
                refused.put(number, problem);
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            asked.put(number, request);
            byte[] answer = answers.apply(request).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        } catch (IOException gone) {
            // A slow answer's caller stopped waiting: Parley closed the connection at its timeout.
        }
    }

    /** Why a receiver holding the secret distrusts this request, or null. */
    private String signatureProblem(HttpExchange exchange, String body) {
        String timestamp = exchange.getRequestHeaders().getFirst("X-Parley-Timestamp");
        String signature = exchange.getRequestHeaders().getFirst("X-Parley-Signature");
        if (timestamp == null || signature == null) return "unsigned";
        long age;
        try {
            age = Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp));
        } catch (NumberFormatException e) {
            return "timestamp '" + timestamp + "'";
        }
        if (age > MAX_AGE_SECONDS) return "timestamp " + age + " s away";
        return MessageDigest.isEqual(sign(timestamp, body).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII)) ? null : "wrong signature " + signature;
    }

    /** {@code sha256=HEX(HMAC-SHA256(secret, TIMESTAMP.BODY))}, as docs and parley-default.yaml describe it. */
    private String sign(String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
