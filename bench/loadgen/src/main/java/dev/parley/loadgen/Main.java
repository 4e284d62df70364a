package dev.parley.loadgen;

import picocli.CommandLine;

/** {@code parley-loadgen.jar}: the generator ({@link LoadgenCommand}) and its echo target. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(new CommandLine(new LoadgenCommand()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
  }
}
