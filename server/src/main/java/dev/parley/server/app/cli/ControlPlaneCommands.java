package dev.parley.server.app.cli;

import picocli.CommandLine;

/** The subcommands that drive a running server through its API, as fs_cli does FreeSWITCH. */
public final class ControlPlaneCommands {
  private ControlPlaneCommands() {}

  public static void addTo(CommandLine cli) {
    for (Object c : new Object[] {new RoomsCommand(), new MembersCommand(), new MemberCommands.Mute(),
        new MemberCommands.Unmute(), new MemberCommands.Deaf(), new MemberCommands.Undeaf(), new MemberCommands.Kick(), new MemberCommands.Move(),
        new RoomCommands.Lock(), new RoomCommands.Unlock(), new RoomCommands.Play(), new RoomCommands.Dial(),
        new RoomCommands.CancelInvite(), new RoomCommands.Record(), new SoundsCommand(), new BillingCommand(), new EventsCommand(),
        new ScheduleCommands.ListSchedules(), new ScheduleCommands.Group()}) {
      cli.addSubcommand(c);
    }
  }
}
