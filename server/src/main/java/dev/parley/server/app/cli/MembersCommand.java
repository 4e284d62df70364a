package dev.parley.server.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code parley members ROOM}: who is in a room and how they sound. */
@Command(name = "members", description = "List the members of a room.")
public final class MembersCommand extends ApiSubcommand {
  @Parameters(index = "0", paramLabel = "ROOM") String room;

  @Override
  void run(ApiCall api, PrintStream out) throws ApiCall.Failure {
    JsonNode body = api.get(ApiCall.path("rooms", room, "members"));
    if (api.printedJson(body, out)) return;
    Table t = new Table("ID", "CALLER", "ROLE", "CODEC", "TALKING", "MUTED", "DEAF", "TALK", "LISTEN", "ENERGY", "LOST",
        "JITTER", "JOINED");
    for (JsonNode m : body.path("members")) {
      t.row(m.path("id").asInt(), m.path("caller").asText(), m.path("role").asText(), m.path("codec").asText("-"),
          yes(m, "talking"), yes(m, "muted"), yes(m, "deaf"), m.path("talkStep").asInt(), m.path("listenStep").asInt(),
          m.path("energyLevel").asInt(), m.at("/media/lostPackets").asLong(),
          m.at("/media/jitterMillis").asDouble() + " ms", m.path("joinedAt").asText());
    }
    t.print(out);
  }

  private static String yes(JsonNode m, String field) {
    return m.path(field).asBoolean() ? "yes" : "-";
  }
}
