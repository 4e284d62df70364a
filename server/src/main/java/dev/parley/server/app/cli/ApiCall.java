package dev.parley.server.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One CLI invocation's conversation with the API. A failure is printed as the server's error
 * message and becomes exit code 1 (2 for a usage problem such as a missing token).
 */
final class ApiCall {
  static final ObjectMapper JSON = new ObjectMapper();

  /** Ends the command with a message and an exit code. */
  static final class Failure extends Exception {
    final int exitCode;

    Failure(int exitCode, String message) {
      super(message, null, false, false);
      this.exitCode = exitCode;
    }
  }

  final ApiOptions options;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final String token;

  ApiCall(ApiOptions options) throws Failure {
    this.options = options;
    this.token = token(options);
  }

  static String path(String... segments) {
    StringBuilder b = new StringBuilder("/api/v1");
    for (String s : segments) b.append('/').append(URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"));
    return b.toString();
  }

  JsonNode get(String path) throws Failure {
    return send(request(path).GET());
  }

  JsonNode post(String path, String body) throws Failure {
    return send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body)));
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(options.baseUrl() + path))
        .timeout(Duration.ofSeconds(10))
        .header("Authorization", "Bearer " + token);
  }

  /** Prints the JSON as it came when --json was given; returns whether it did. */
  boolean printedJson(JsonNode body, PrintStream out) {
    if (!options.json) return false;
    out.println(body.toString());
    return true;
  }

  JsonNode send(HttpRequest.Builder b) throws Failure {
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode body = r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
      if (r.statusCode() / 100 != 2) {
        String code = body.at("/error/code").asText("http_" + r.statusCode());
        throw new Failure(1, code + ": " + body.at("/error/message").asText(r.body()));
      }
      return body;
    } catch (ConnectException e) {
      throw new Failure(1, "cannot reach " + options.baseUrl() + " (is the server running with the API enabled?)");
    } catch (IOException e) {
      throw new Failure(1, options.baseUrl() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Failure(1, "interrupted");
    }
  }

  private static String token(ApiOptions o) throws Failure {
    if (o.token != null && !o.token.isBlank()) return o.token.strip();
    String env = System.getenv("PARLEY_API_TOKEN");
    if (env != null && !env.isBlank()) return env.strip();
    Path saved = Path.of("data", "api-token");
    try {
      if (Files.isRegularFile(saved)) return Files.readString(saved).strip();
    } catch (IOException e) {
      throw new Failure(2, "cannot read " + saved + ": " + e.getMessage());
    }
    throw new Failure(2, "no API token: set PARLEY_API_TOKEN or pass --token (the server printed it on first start)");
  }
}
