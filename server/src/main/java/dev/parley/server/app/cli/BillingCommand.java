package dev.parley.server.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code parley billing [--room R] [--from T] [--to T]}: the running server's billing records through
 * the API ({@code parley cdr} reads the database directly instead).
 */
@Command(name = "billing", description = "Billing records from the running server: one per member per room.")
final class BillingCommand extends ApiSubcommand {
  @Option(names = "--room", paramLabel = "ROOM", description = "only this room") String room;
  @Option(names = "--from", paramLabel = "TIME", description = "records still open at or after TIME (2025-01-31, 2025-01-31T10:00 UTC, or an ISO instant)")
  String from;
  @Option(names = "--to", paramLabel = "TIME", description = "records that began before TIME") String to;

  @Override
  void run(ApiCall api, PrintStream out) throws ApiCall.Failure {
    StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
    add(query, "room", room);
    add(query, "from", from);
    add(query, "to", to);
    JsonNode reply = api.get(ApiCall.path("billing") + query);
    if (api.printedJson(reply, out)) return;
    Table t = new Table("room", "member", "caller", "joined", "seconds", "reason");
    for (JsonNode r : reply.path("records")) {
      t.row(r.path("room").asText(), r.path("member").asInt(), r.path("callerNumber").asText(), r.path("joinedAt").asText(),
          r.path("durationMillis").isNull() ? "open" : String.format("%.1f", r.path("durationMillis").asLong() / 1000.0),
          r.path("leaveReason").isNull() ? "" : r.path("leaveReason").asText());
    }
    t.print(out);
  }

  private static void add(StringJoiner query, String name, String value) {
    if (value != null && !value.isBlank()) query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
  }
}
