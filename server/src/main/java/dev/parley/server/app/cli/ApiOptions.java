package dev.parley.server.app.cli;

import picocli.CommandLine.Option;

/** Where the API is and how to prove who we are; shared by every API subcommand. */
public final class ApiOptions {
  @Option(names = "--api", paramLabel = "URL", description = "The server's API (default: $PARLEY_API_URL or http://127.0.0.1:8080).")
  String api;

  @Option(names = "--token", paramLabel = "TOKEN",
      description = "API token (default: $PARLEY_API_TOKEN, else ./data/api-token as the server generated it).")
  String token;

  @Option(names = "--json", description = "Print the server's JSON instead of a table.")
  boolean json;

  String baseUrl() {
    String url = api != null ? api : System.getenv().getOrDefault("PARLEY_API_URL", "http://127.0.0.1:8080");
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
