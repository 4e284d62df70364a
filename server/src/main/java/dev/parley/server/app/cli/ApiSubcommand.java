package dev.parley.server.app.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/** A subcommand that talks to a running server's API: exit 0, or the failure's message and code. */
abstract class ApiSubcommand implements Callable<Integer> {
  @Mixin ApiOptions options;

  abstract void run(ApiCall api, PrintStream out) throws ApiCall.Failure;

  @Override
  public Integer call() {
    try {
      run(new ApiCall(options), System.out);
      return 0;
    } catch (ApiCall.Failure f) {
      System.err.println("parley: " + f.getMessage());
      return f.exitCode;
    }
  }
}
