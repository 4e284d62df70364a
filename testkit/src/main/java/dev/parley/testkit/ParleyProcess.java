package dev.parley.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The real Parley server as a separate process:
 * {@code <this JVM's java> -jar <parley.home>/server/target/parley-server.jar serve --config <file>},
 * stdout and stderr in a log file. {@link #start} returns once the log shows {@value #READY_MARKER}
 * (bounded), and fails with the log if the process ends or the time runs out first.
 *
 * <p>{@link #stop()} sends SIGTERM ({@link Process#destroy()}), waits, then SIGKILLs.
 */
public final class ParleyProcess implements AutoCloseable {

    /** The server prints a line containing this once it listens. */
    public static final String READY_MARKER = "Parley ready";

    private final Process process;
    private final Path logFile;
    private final Path config;
    private Integer exitCode;

    private ParleyProcess(Process process, Path logFile, Path config) {
        this.process = process;
        this.logFile = logFile;
        this.config = config;
    }

    /** Starts the server with {@code config}, logging to {@code logFile}, and waits up to 30 s for it to be ready. */
    public static ParleyProcess start(Path config, Path logFile) throws IOException {
        return start(config, logFile, Duration.ofSeconds(90)); // codec warm-up alone took 17 s on a loaded machine
    }

    public static ParleyProcess start(Path config, Path logFile, Duration readyTimeout) throws IOException {
        Path jar = home().resolve("server/target/parley-server.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IOException(jar + " is missing: build it first (mvn package, or ./parley build)");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        List<String> cmd = List.of(java, "-jar", jar.toString(), "serve", "--config", config.toAbsolutePath().toString());
        Process p = Processes.start(cmd, logFile.toAbsolutePath().getParent(), logFile);
        ParleyProcess server = new ParleyProcess(p, logFile, config);
        try {
            server.awaitLog(READY_MARKER, readyTimeout);
        } catch (AssertionError e) {
            server.stop();
            throw new IOException("Parley did not become ready: " + e.getMessage(), e);
        }
        return server;
    }

    /**
     * The repository root: system property {@code parley.home} (failsafe sets it), else the first
     * directory upwards from the working directory that holds the {@code parley} launcher.
     */
    public static Path home() {
        String prop = System.getProperty("parley.home");
        if (prop != null && !prop.isBlank()) return Path.of(prop).toAbsolutePath();
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("parley")) && Files.isDirectory(d.resolve("server"))) return d;
        }
        throw new IllegalStateException("set -Dparley.home to the repository root");
    }

    /**
     * Waits until the log contains {@code text}, polling every 50 ms, at most {@code timeout}.
     * Fails with the log's tail if the time runs out or the server exits first.
     */
    public void awaitLog(String text, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (log().contains(text)) return;
            if (!process.isAlive()) {
                if (log().contains(text)) return;
                throw new AssertionError("Parley exited (" + process.exitValue() + ") before logging '" + text
                        + "'\n--- " + logFile + " ---\n" + Processes.tail(logFile, 6000));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Parley did not log '" + text + "' within " + timeout
                        + "\n--- " + logFile + " ---\n" + Processes.tail(logFile, 6000));
            }
            Processes.sleep(Duration.ofMillis(50));
        }
    }

    /** Everything the server has written so far. */
    public String log() {
        return Processes.read(logFile);
    }

    public Path logFile() {
        return logFile;
    }

    public Path config() {
        return config;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** SIGTERM, up to 10 s for a clean exit, then SIGKILL. Returns the exit code (-1 if it could not be reaped). */
    public synchronized int stop() {
        if (exitCode == null) exitCode = Processes.stop(process, Duration.ofSeconds(10));
        return exitCode;
    }

    @Override
    public void close() {
        stop();
    }
}
