package dev.parley.server.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code parley lock|unlock|play|dial|record ROOM ...}: actions on a room. */
final class RoomCommands {
  private RoomCommands() {}

  @Command(name = "lock", description = "Lock a room: new callers are refused.")
  static final class Lock extends ApiSubcommand {
    @Parameters(index = "0", paramLabel = "ROOM") String room;

    void run(ApiCall api, PrintStream out) throws ApiCall.Failure {
      JsonNode body = api.post(ApiCall.path("rooms", room, "lock"), null);
      if (!api.printedJson(body, out)) out.println("room " + room + ": locked");
    }
  }

  @Command(name = "unlock", description = "Unlock a room.")
  static final class Unlock extends ApiSubcommand {
    @Parameters(index = "0", paramLabel = "ROOM") String room;

    void run(ApiCall api, PrintStream out) throws ApiCall.Failure {
      JsonNode body = api.post(ApiCall.path("rooms", room, "unlock"), null);
      if (!api.printedJson(body, out)) out.println("room " + room + ": unlocked");
    }
  }

  @Command(name = "play", description = "Play a built-in sound, an announcement file or a tone to a room or one member.")
  static final class Play extends ApiSubcommand {
    @Parameters(index = "0", paramLabel = "ROOM") String room;
    @Option(names = "--member", paramLabel = "ID", description = "Only to this member.") String member;

    static final class What {
      @Option(names = "--sound", paramLabel = "builtin:NAME|file:NAME", required = true,
          description = "file:NAME is a WAV of the announcements directory (see `parley sounds`).") String sound;
      @Option(names = "--tone", paramLabel = "HZ", required = true) Double toneHz;
    }

    @ArgGroup(exclusive = true, multiplicity = "1") What what;
    @Option(names = "--millis", defaultValue = "1000", description = "Tone length (default 1000).") int millis;

    void run(ApiCall api, PrintStream out) throws ApiCall.Failure {
      ObjectNode body = ApiCall.JSON.createObjectNode();
      if (what.sound != null) {
        body.put("sound", what.sound);
      } else {
        body.putObject("tone").put("frequencyHz", what.toneHz).put("durationMillis", millis);
      }
      String path = member == null ? ApiCall.path("rooms", room, "play") : ApiCall.path("rooms", room, "members", member, "play");
      JsonNode reply = api.post(path, body.toString());
      if (!api.printedJson(reply, out)) out.println("room " + room + ": playing " + reply.path("playing").asText());
    }
  }

  @Command(name = "dial", description = "Dial DIALSTRING into a room; prints the invite's id (cancel it with cancel-invite).")
  static final class Dial extends ApiSubcommand {
    @Parameters(index = "0", paramLabel = "ROOM") String room;
    @Parameters(index = "1", paramLabel = "DIALSTRING", description = "user/1004, gateway/NAME/NUMBER or a sip: URI")
    String dialString;
    @Option(names = {"--caller-id", "--caller-id-number"}, paramLabel = "NUMBER") String callerIdNumber;
    @Option(names = "--caller-id-name", paramLabel = "NAME") String callerIdName;
    @Option(names = "--flag", paramLabel = "FLAG", description = "A member flag for the answered party (repeatable): muted, deaf, moderator...")
    java.util.List<String> flags = new java.util.ArrayList<>();

    void run(ApiCall api, PrintStream out) throws ApiCall.Failure {
      ObjectNode body = ApiCall.JSON.createObjectNode().put("dialString", dialString);
      if (callerIdNumber != null) body.put("callerIdNumber", callerIdNumber);
      if (callerIdName != null) body.put("callerIdName", callerIdName);
      if (!flags.isEmpty()) flags.forEach(body.putArray("flags")::add);
      JsonNode reply = api.post(ApiCall.path("rooms", room, "invites"), body.toString());
      if (!api.printedJson(reply, out)) out.println("room " + room + ": invite " + reply.path("invite").asText());
    }
  }

  @Command(name = "cancel-invite", description = "Cancel an invite while it rings, or hang it up once answered.")
  static final class CancelInvite extends ApiSubcommand {
    @Parameters(index = "0", paramLabel = "ROOM") String room;
    @Parameters(index = "1", paramLabel = "INVITE", description = "the id `parley dial` printed") String invite;

    void run(ApiCall api, PrintStream out) throws ApiCall.Failure {
      JsonNode reply = api.send(api.request(ApiCall.path("rooms", room, "invites", invite)).DELETE());
      if (!api.printedJson(reply, out)) out.println("room " + room + ": invite " + invite + " " + reply.path("outcome").asText());
    }
  }

  @Command(name = "record", description = "Start or stop recording a room.")
  static final class Record extends ApiSubcommand {
    @Parameters(index = "0", paramLabel = "ROOM") String room;
    @Parameters(index = "1", paramLabel = "start|stop", defaultValue = "start", arity = "0..1") String action;
    @Option(names = "--stop", description = "The same as `stop`.") boolean stop;

    void run(ApiCall api, PrintStream out) throws ApiCall.Failure {
      if (!action.equals("start") && !action.equals("stop")) throw new ApiCall.Failure(2, "record: expected start or stop, got '" + action + "'");
      boolean stopping = stop || action.equals("stop");
      JsonNode reply = stopping
          ? api.send(api.request(ApiCall.path("rooms", room, "recording")).DELETE())
          : api.post(ApiCall.path("rooms", room, "recording"), null);
      if (!api.printedJson(reply, out)) {
        out.println("room " + room + ": recording " + (stopping ? "stopping" : "started") + " (" + reply.path("file").asText() + ")");
      }
    }
  }
}
