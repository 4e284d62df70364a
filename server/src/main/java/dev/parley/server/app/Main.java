package dev.parley.server.app;

import dev.parley.server.app.cli.ControlPlaneCommands;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code parley} command line. Wiring only: each subcommand is its own class. */
@Command(
    name = "parley",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Parley, a SIP audio-conference server.",
    subcommands = {ServeCommand.class, CheckConfigCommand.class, CdrCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new Main());
    ControlPlaneCommands.addTo(cli);
    System.exit(cli.execute(args));
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
