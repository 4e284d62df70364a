package dev.parley.server.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code parley rooms}: the rooms open now; {@code parley rooms create NAME}: an empty room. */
@Command(name = "rooms", description = "List the rooms of a running server.", subcommands = RoomsCommand.Create.class)
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

  @Command(name = "create", description = "Create an empty room (POST /api/v1/rooms); callers routed to NAME join it.")
  static final class Create extends ApiSubcommand {
    @Parameters(index = "0", paramLabel = "NAME") String name;
    @Option(names = "--profile", paramLabel = "P", description = "The room's profile (default: default).") String profile;
    @Option(names = "--hold-open", description = "Keep the room, empty or not, until it is ended.") boolean holdOpen;
    @Option(names = "--empty-seconds", paramLabel = "N", description = "Remove it when still empty after N s (default 60).")
    Integer emptySeconds;

    void run(ApiCall api, PrintStream out) throws ApiCall.Failure {
      ObjectNode body = ApiCall.JSON.createObjectNode().put("name", name).put("holdOpen", holdOpen);
      if (profile != null) body.put("profile", profile);
      if (emptySeconds != null) body.put("emptySeconds", emptySeconds);
      JsonNode reply = api.post(ApiCall.path("rooms"), body.toString());
      if (api.printedJson(reply, out)) return;
      out.println("room " + reply.path("name").asText(name) + ": created with profile " + reply.path("profile").asText()
          + (holdOpen ? ", held open" : ""));
    }
  }
}
