package dev.parley.server.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code parley schedules} and {@code parley schedule add|show|delete}: scheduled conferences through
 * the API. A person is written {@code name=Bob,number=1002,role=listener,pin=2468,dial=user/1002}; the
 * dial string comes last, since it may hold commas of its own ({@code {timeout=20,flags=mute}sip:...}).
 */
final class ScheduleCommands {
  private ScheduleCommands() {}

  @Command(name = "schedules", description = "List the scheduled conferences of a running server.")
  static final class ListSchedules extends ApiSubcommand {
    @Option(names = "--room", paramLabel = "ROOM", description = "Only this room's.") String room;

    void run(ApiCall api, PrintStream out) throws ApiCall.Failure {
      JsonNode body = api.get(ApiCall.path("schedules") + (room == null ? "" : "?room=" + java.net.URLEncoder.encode(room,
          java.nio.charset.StandardCharsets.UTF_8)));
      if (api.printedJson(body, out)) return;
      Table t = new Table("ID", "ROOM", "START", "END", "PEOPLE", "TITLE");
      for (JsonNode s : body.path("schedules")) {
        t.row(s.path("id").asText(), s.path("room").asText(), s.path("start").asText(), s.path("end").asText(),
            s.path("participants").size(), s.path("title").asText());
      }
      t.print(out);
    }
  }

  @Command(name = "schedule", description = "Add, show or delete a scheduled conference.",
      subcommands = {Add.class, Show.class, Delete.class})
  static final class Group implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      spec.commandLine().usage(System.out);
    }
  }

  @Command(name = "add", description = "Schedule a conference: Parley dials the participants at START and ends the room at END.")
  static final class Add extends ApiSubcommand {
    @Parameters(index = "0", paramLabel = "ROOM") String room;
    @Option(names = "--start", required = true, paramLabel = "TIME",
        description = "2026-12-01T10:00:00Z, 2026-12-01T10:00 (UTC) or +10m / +30s / +1h from now") String start;
    @Option(names = "--end", required = true, paramLabel = "TIME", description = "Same forms; +N is from the start.") String end;
    @Option(names = "--title") String title;
    @Option(names = "--organiser", paramLabel = "PERSON", description = "Joins as moderator: name=..,number=..,pin=..,dial=..")
    String organiser;
    @Option(names = "--participant", paramLabel = "PERSON", description = "Repeatable; role=moderator|participant|listener")
    List<String> participants = new ArrayList<>();
    @Option(names = "--warning", paramLabel = "SECONDS", description = "Warn the room this long before the end (default 300).")
    Integer warning;
    @Option(names = "--retries", paramLabel = "N") Integer retries;
    @Option(names = "--retry-delay", paramLabel = "SECONDS") Integer retryDelay;
    @Option(names = "--record", description = "The organiser joining starts the recording.") boolean record;

    void run(ApiCall api, PrintStream out) throws ApiCall.Failure {
      Instant now = Instant.now();
      Instant from = time(start, now, "--start");
      ObjectNode body = ApiCall.JSON.createObjectNode().put("room", room).put("start", from.toString())
          .put("end", time(end, from, "--end").toString()).put("record", record);
      if (title != null) body.put("title", title);
      if (warning != null) body.put("warningSeconds", warning);
      if (retries != null) body.put("retries", retries);
      if (retryDelay != null) body.put("retryDelaySeconds", retryDelay);
      if (organiser != null) person(organiser, body.putObject("organiser"), "--organiser");
      var list = body.putArray("participants");
      for (String p : participants) person(p, list.addObject(), "--participant");
      JsonNode reply = api.post(ApiCall.path("schedules"), body.toString());
      if (!api.printedJson(reply, out)) {
        out.println("schedule " + reply.path("id").asText() + ": room " + room + " from " + reply.path("start").asText()
            + " to " + reply.path("end").asText() + ", " + reply.path("participants").size() + " people");
      }
    }
  }

  @Command(name = "show", description = "Show one scheduled conference.")
  static final class Show extends ApiSubcommand {
    @Parameters(index = "0", paramLabel = "ID") String id;

    void run(ApiCall api, PrintStream out) throws ApiCall.Failure {
      JsonNode s = api.get(ApiCall.path("schedules", id));
      if (api.printedJson(s, out)) return;
      out.println("schedule " + s.path("id").asText() + ": room " + s.path("room").asText() + " from "
          + s.path("start").asText() + " to " + s.path("end").asText() + (s.path("record").asBoolean() ? ", recorded" : ""));
      Table t = new Table("NAME", "ROLE", "NUMBER", "DIAL", "PIN");
      for (JsonNode p : s.path("participants")) {
        t.row(p.path("name").asText(), p.path("role").asText(), p.path("number").asText("-"), p.path("dial").asText("-"),
            p.path("hasPin").asBoolean() ? "yes" : "no");
      }
      t.print(out);
    }
  }

  @Command(name = "delete", description = "Delete a scheduled conference (a running one ends its room).")
  static final class Delete extends ApiSubcommand {
    @Parameters(index = "0", paramLabel = "ID") String id;

    void run(ApiCall api, PrintStream out) throws ApiCall.Failure {
      api.send(api.request(ApiCall.path("schedules", id)).DELETE());
      out.println("schedule " + id + ": deleted");
    }
  }

  /** {@code name=Bob,number=1002,dial=user/1002} into {@code into}; the dial string takes the rest. */
  static void person(String spec, ObjectNode into, String option) throws ApiCall.Failure {
    String rest = spec.strip();
    while (!rest.isEmpty()) {
      int eq = rest.indexOf('=');
      if (eq <= 0) throw new ApiCall.Failure(2, option + ": expected key=value, got '" + rest + "'");
      String key = rest.substring(0, eq).strip();
      String value;
      if (key.equals("dial")) {
        value = rest.substring(eq + 1);
        rest = "";
      } else {
        int comma = rest.indexOf(',', eq);
        value = comma < 0 ? rest.substring(eq + 1) : rest.substring(eq + 1, comma);
        rest = comma < 0 ? "" : rest.substring(comma + 1).strip();
      }
      if (!List.of("name", "number", "dial", "role", "pin").contains(key)) {
        throw new ApiCall.Failure(2, option + ": unknown key '" + key + "' (name, number, role, pin, dial)");
      }
      into.put(key, value.strip());
    }
  }

  /** An ISO time (UTC when it has no offset), or {@code +N[s|m|h]} after {@code base}. */
  static Instant time(String text, Instant base, String option) throws ApiCall.Failure {
    String t = text.strip();
    try {
      if (t.matches("\\+\\d{1,6}[smh]")) {
        long n = Long.parseLong(t.substring(1, t.length() - 1));
        return base.plus(switch (t.charAt(t.length() - 1)) {
          case 's' -> Duration.ofSeconds(n);
          case 'm' -> Duration.ofMinutes(n);
          default -> Duration.ofHours(n);
        });
      }
      if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:\\d\\d$")) return OffsetDateTime.parse(t).toInstant();
      return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new ApiCall.Failure(2, option + ": '" + text + "' is not a time (2026-12-01T10:00:00Z, 2026-12-01T10:00 or +10m)");
    }
  }
}
