package dev.parley.server.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import picocli.CommandLine.Command;

/** {@code parley sounds}: what {@code parley play --sound} can name. */
@Command(name = "sounds", description = "List the built-in sounds and the files of the announcements directory.")
final class SoundsCommand extends ApiSubcommand {
  @Override
  void run(ApiCall api, PrintStream out) throws ApiCall.Failure {
    JsonNode body = api.get(ApiCall.path("sounds"));
    if (api.printedJson(body, out)) return;
    Table t = new Table("SOUND", "SECONDS", "RATE", "CHANNELS");
    for (String group : new String[] {"builtin", "files"}) {
      for (JsonNode s : body.path(group)) {
        if (s.has("problem")) {
          t.row(s.path("name").asText(), "-", "-", "not playable: " + s.path("problem").asText());
        } else {
          t.row(s.path("name").asText(), String.format("%.2f", s.path("durationSeconds").asDouble()),
              s.path("rateHz").asInt(), s.path("channels").asInt());
        }
      }
    }
    t.print(out);
    out.println("announcements directory: " + body.path("directory").asText());
  }
}
