package dev.parley.loadgen;

import dev.parley.loadgen.echo.EchoTarget;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code parley loadgen echo}: the minimal target, until killed or for {@code --seconds}. */
@Command(name = "echo", mixinStandardHelpOptions = true,
    description = "Answer every INVITE and echo its RTP back, to measure the generator without a server.")
final class EchoCommand implements Callable<Integer> {

  @Option(names = "--listen", converter = HostPort.class, defaultValue = "127.0.0.1:5090",
      description = "SIP address to listen on (UDP). Default: ${DEFAULT-VALUE}")
  InetSocketAddress listen;

  @Option(names = "--seconds", defaultValue = "0", description = "Stop after this long; 0 runs until killed")
  int seconds;

  @Override
  public Integer call() throws Exception {
    try (EchoTarget t = EchoTarget.start(listen)) {
      System.err.println("loadgen echo: listening on " + t.sipAddress() + " (pid " + ProcessHandle.current().pid() + ")");
      CountDownLatch forever = new CountDownLatch(1);
      if (seconds > 0) Thread.sleep(seconds * 1000L);
      else forever.await();
      System.err.println("loadgen echo: " + t.echoed() + " RTP packets echoed");
    }
    return 0;
  }
}
