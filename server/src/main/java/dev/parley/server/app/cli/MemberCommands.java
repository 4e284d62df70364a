package dev.parley.server.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code parley mute|unmute|deaf|undeaf|kick ROOM MEMBER}: one action on one member each. */
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
}
