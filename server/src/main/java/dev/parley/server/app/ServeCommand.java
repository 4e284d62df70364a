package dev.parley.server.app;

import dev.parley.server.config.ConfigException;
import dev.parley.server.config.ServerConfig;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code parley serve}: runs the server until SIGTERM/SIGINT, then ends every call with BYE. */
@Command(name = "serve", description = "Run the conference server.")
final class ServeCommand implements Callable<Integer> {
  @Mixin ConfigOption config;

  @Override
  public Integer call() throws Exception {
    ServerConfig c;
    try {
      c = config.load();
    } catch (ConfigException e) {
      System.err.println("parley: invalid configuration: " + e.getMessage());
      return 2;
    }
    ParleyServer server;
    try {
      server = ParleyServer.start(c);
    } catch (ParleyServer.StartException e) {
      System.err.println("parley: cannot start: " + e.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
      server.stop();
      stopped.countDown();
    }));
    stopped.await();
    return 0;
  }
}
