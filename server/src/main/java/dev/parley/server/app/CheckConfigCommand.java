package dev.parley.server.app;

import dev.parley.server.config.ConfigException;
import dev.parley.server.config.ServerConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code parley check-config --config FILE}: validates a file without starting anything. */
@Command(name = "check-config", description = "Validate a configuration file and exit.")
final class CheckConfigCommand implements Callable<Integer> {
  @Mixin ConfigOption config;

  @Override
  public Integer call() {
    try {
      ServerConfig c = config.load();
      System.out.println(c.source() + ": OK (" + c.routes().size() + " routes, " + c.profiles().size() + " profiles)");
      return 0;
    } catch (ConfigException e) {
      System.err.println("parley: invalid configuration: " + e.getMessage());
      return 2;
    }
  }
}
