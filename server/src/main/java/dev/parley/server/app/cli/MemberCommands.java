package dev.parley.server.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code parley mute|unmute|deaf|undeaf|kick|move ROOM MEMBER}: one action on one member each. */
final class MemberCommands {
  private MemberCommands() {}

  abstract static class MemberAction extends ApiSubcommand {
    @Parameters(index = "0", paramLabel = "ROOM") String room;
    @Parameters(index = "1", paramLabel = "MEMBER", description = "The member's id (see `parley members ROOM`).") String member;

    abstract String action();

    @Override
    void run(ApiCall api, PrintStream out) throws ApiCall.Failure {
      JsonNode body = api.post(ApiCall.path("rooms", room, "members", member, action()), null);
      if (api.printedJson(body, out)) return;
      out.println("room " + room + ": member " + member + ": " + action() + (action().equals("kick") ? "ed" : "d"));
    }
  }

  @Command(name = "mute", description = "Mute a member: the room no longer hears it.")
  static final class Mute extends MemberAction {
    String action() {
      return "mute";
    }
  }

  @Command(name = "unmute", description = "Unmute a member.")
  static final class Unmute extends MemberAction {
    String action() {
      return "unmute";
    }
  }

  @Command(name = "deaf", description = "Deafen a member: it no longer hears the room.")
  static final class Deaf extends MemberAction {
    String action() {
      return "deaf";
    }
  }

  @Command(name = "undeaf", description = "Undeafen a member.")
  static final class Undeaf extends MemberAction {
    String action() {
      return "undeaf";
    }
  }

  @Command(name = "kick", description = "Kick a member: the kicked sound, then BYE.")
  static final class Kick extends MemberAction {
    String action() {
      return "kick";
    }
  }

  @Command(name = "move", description = "Move a member to another room (an existing one, or where a number routes).")
  static final class Move extends ApiSubcommand {
    @Parameters(index = "0", paramLabel = "ROOM") String room;
    @Parameters(index = "1", paramLabel = "MEMBER") String member;

    static final class Target {
      @Option(names = "--to", paramLabel = "ROOM", required = true, description = "an existing room") String toRoom;
      @Option(names = "--number", paramLabel = "NUMBER", required = true, description = "routed as if dialled") String number;
    }

    @ArgGroup(exclusive = true, multiplicity = "1") Target target;

    void run(ApiCall api, PrintStream out) throws ApiCall.Failure {
      var body = ApiCall.JSON.createObjectNode();
      if (target.toRoom != null) body.put("room", target.toRoom);
      else body.put("number", target.number);
      JsonNode reply = api.post(ApiCall.path("rooms", room, "members", member, "move"), body.toString());
      if (api.printedJson(reply, out)) return;
      out.println("room " + room + ": member " + member + " moved to room " + reply.path("room").asText()
          + " as member " + reply.path("member").asText());
    }
  }
}
