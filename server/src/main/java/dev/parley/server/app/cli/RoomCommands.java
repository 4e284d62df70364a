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

  @Command(name = "play", description = "Play a built-in sound or a tone to a room or one member.")
  static final class Play extends ApiSubcommand {
    @Parameters(index = "0", paramLabel = "ROOM") String room;
    @Option(names = "--member", paramLabel = "ID", description = "Only to this member.") String member;

    static final class What {
      @Option(names = "--sound", paramLabel = "builtin:NAME", required = true) String sound;
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

  @Command(name = "dial", description = "Dial DIALSTRING into a room.")
  static final class Dial extends ApiSubcommand {
    @Parameters(index = "0", paramLabel = "ROOM") String room;
    @Parameters(index = "1", paramLabel = "DIALSTRING") String dialString;
    @Option(names = "--caller-id", paramLabel = "ID") String callerId;

    void run(ApiCall api, PrintStream out) throws ApiCall.Failure {
      ObjectNode body = ApiCall.JSON.createObjectNode().put("dialString", dialString);
      if (callerId != null) body.put("callerId", callerId);
      JsonNode reply = api.post(ApiCall.path("rooms", room, "invites"), body.toString());
      if (!api.printedJson(reply, out)) out.println("room " + room + ": invite " + reply.path("id").asText());
    }
  }

  @Command(name = "record", description = "Start (or with --stop, stop) recording a room.")
  static final class Record extends ApiSubcommand {
    @Parameters(index = "0", paramLabel = "ROOM") String room;
    @Option(names = "--stop") boolean stop;

    void run(ApiCall api, PrintStream out) throws ApiCall.Failure {
      JsonNode reply = stop
          ? api.send(api.request(ApiCall.path("rooms", room, "recording")).DELETE())
          : api.post(ApiCall.path("rooms", room, "recording"), null);
      if (!api.printedJson(reply, out)) out.println("room " + room + ": recording " + (stop ? "stopped" : "started"));
    }
  }
}
