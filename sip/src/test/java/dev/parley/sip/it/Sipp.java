package dev.parley.sip.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs one SIPp scenario as a UAC against a server on loopback, bounded on every side: a fixed
 * number of calls ({@code -m}, one by default), a SIPp timeout that counts as failure, no stdin, and
 * a hard kill if the process outlives its limit. Each run gets its own directory (SIPp writes its traces to the current one).
 */
final class Sipp {
  private final String scenario;
  private final Path dir;
  private int serverPort;
  private int sipPort;
  private int mediaPort;
  private String service = "3000";
  private String transport = "u1";
  private Duration timeout = Duration.ofSeconds(15);
  private int calls = 1;
  private int rate = 10;
  private final Map<String, String> keys = new TreeMap<>();
  private boolean uas;

  private Sipp(String scenario, Path dir) {
    this.scenario = scenario;
    this.dir = dir;
  }

  /** A scenario from src/test/resources/sipp/ (name without .xml), run in {@code dir}. */
  static Sipp scenario(String name, Path dir) {
    return new Sipp(name, dir);
  }

  Sipp server(int port) {
    this.serverPort = port;
    return this;
  }

  Sipp ports(int sip, int media) {
    this.sipPort = sip;
    this.mediaPort = media;
    return this;
  }

  Sipp service(String user) {
    this.service = user;
    return this;
  }

  /** TCP, one connection ({@code -t t1}). */
  Sipp tcp() {
    this.transport = "t1";
    return this;
  }

  /** {@code n} calls, {@code perSecond} new ones a second, all allowed at once. */
  Sipp calls(int n, int perSecond) {
    this.calls = n;
    this.rate = perSecond;
    return this;
  }

  /** SIPp as the server side: it listens on its SIP port and waits for us ({@link #start}). */
  Sipp uas() {
    this.uas = true;
    return this;
  }

  Sipp timeout(Duration timeout) {
    this.timeout = timeout;
    return this;
  }

  Sipp key(String name, String value) {
    keys.put(name, value);
    return this;
  }

  /** The outcome of a run. */
  record Result(int exitCode, String log) {
    boolean succeeded() {
      return exitCode == 0;
    }
  }

  /** A SIPp started in the background (a UAS waiting for our requests). */
  final class Running implements AutoCloseable {
    private final Process process;

    private Running(Process process) {
      this.process = process;
    }

    /** Waits for SIPp to end by itself (bounded by its timeout plus a margin) and returns its verdict. */
    Result finish() {
      return await(process);
    }

    /** Kills SIPp if it still runs (a failed test must not leave it holding its ports). */
    @Override
    public void close() {
      if (process.isAlive()) process.destroyForcibly();
    }
  }

  /** Starts SIPp and returns once its SIP port is bound (bounded: 5 s), so a request sent next is heard. */
  Running start() {
    Process p = launch();
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < deadline && p.isAlive() && !bound()) pause();
    return new Running(p);
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean bound() {
    java.net.InetSocketAddress at = new java.net.InetSocketAddress("127.0.0.1", sipPort);
    try (java.io.Closeable probe = transport.startsWith("t") ? new java.net.ServerSocket(sipPort, 1, at.getAddress())
        : new java.net.DatagramSocket(at)) {
      return false;
    } catch (IOException inUse) {
      return true;
    }
  }

  /** Runs to completion (or kills it after its timeout plus a margin). */
  Result run() {
    return await(launch());
  }

  private Process launch() {
    try {
      Files.createDirectories(dir);
      List<String> cmd = new ArrayList<>(List.of("sipp", "-sf", scenarioFile().toString()));
      if (!uas) cmd.addAll(List.of("127.0.0.1:" + serverPort, "-s", service));
      cmd.addAll(List.of("-i", "127.0.0.1", "-p", Integer.toString(sipPort),
          "-mi", "127.0.0.1", "-mp", Integer.toString(mediaPort), "-t", transport,
          "-m", Integer.toString(calls), "-r", Integer.toString(rate), "-l", Integer.toString(calls), "-timeout", timeout.toSeconds() + "s", "-timeout_error", "-nostdin",
          "-trace_err", "-trace_msg"));
      keys.forEach((k, v) -> cmd.addAll(List.of("-key", k, v)));
      return new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(dir.resolve("sipp.out").toFile()).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run sipp (install sip-tester: scripts/install-test-deps.sh)", e);
    }
  }

  private Result await(Process p) {
    try {
      try {
        if (!p.waitFor(timeout.toSeconds() + 10, TimeUnit.SECONDS)) {
          p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
          return new Result(-1, "sipp killed after its time limit\n" + logs());
        }
        return new Result(p.exitValue(), logs());
      } finally {
        if (p.isAlive()) p.destroyForcibly();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Path scenarioFile() {
    try {
      return Paths.get(Sipp.class.getClassLoader().getResource("sipp/" + scenario + ".xml").toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalArgumentException("no scenario sipp/" + scenario + ".xml", e);
    }
  }

  /** The error and message traces, for assertion messages. */
  private String logs() throws IOException {
    StringBuilder out = new StringBuilder("sipp " + scenario + " in " + dir + "\n");
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        String n = f.getFileName().toString();
        if (n.endsWith("_errors.log") || n.endsWith("_messages.log")) {
          out.append("---- ").append(n).append('\n').append(Files.readString(f));
        }
      }
    }
    return out.toString();
  }
}
