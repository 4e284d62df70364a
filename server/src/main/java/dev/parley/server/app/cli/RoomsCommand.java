package dev.parley.server.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import picocli.CommandLine.Command;

/** {@code parley rooms}: the rooms open now. */
@Command(name = "rooms", description = "List the rooms of a running server.")
public final class RoomsCommand extends ApiSubcommand {
  @Override
  void run(ApiCall api, PrintStream out) throws ApiCall.Failure {
    JsonNode body = api.get(ApiCall.path("rooms"));
    if (api.printedJson(body, out)) return;
    Table t = new Table("ROOM", "PROFILE", "MEMBERS", "LOCKED", "RECORDING");
    for (JsonNode r : body.path("rooms")) {
      t.row(r.path("name").asText(), r.path("profile").asText(), r.path("memberCount").asInt(),
          r.path("locked").asBoolean() ? "yes" : "no", r.path("recording").asBoolean() ? "yes" : "no");
    }
    t.print(out);
  }
}
