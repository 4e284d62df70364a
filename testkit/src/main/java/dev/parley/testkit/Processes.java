package dev.parley.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Starting and stopping the external processes of a test. Every process started here is also
 * killed by a JVM shutdown hook, so a test JVM that dies does not leave peers or servers running.
 */
final class Processes {

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly),
                "testkit-reaper"));
    }

    private Processes() {}

    /** Starts {@code command} in {@code workDir} with stdout and stderr both written to {@code logFile}. */
    static Process start(List<String> command, Path workDir, Path logFile) throws IOException {
        Files.createDirectories(workDir);
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Process p = pb.start();
        LIVE.add(p);
        p.onExit().thenRun(() -> LIVE.remove(p));
        return p;
    }

    /** SIGTERM, wait up to {@code grace}, then SIGKILL and wait up to 5 s more. Returns the exit code or -1. */
    static int stop(Process p, Duration grace) {
        if (p.isAlive()) {
            p.destroy();
            waitFor(p, grace);
        }
        if (p.isAlive()) {
            p.destroyForcibly();
            waitFor(p, Duration.ofSeconds(5));
        }
        LIVE.remove(p);
        return p.isAlive() ? -1 : p.exitValue();
    }

    /** True if the process ended within {@code timeout}. */
    static boolean waitFor(Process p, Duration timeout) {
        try {
            return p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !p.isAlive();
        }
    }

    /** The file's text, or "" if it does not exist (yet). Undecodable bytes are replaced. */
    static String read(Path file) {
        try {
            return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "<cannot read " + file + ": " + e + ">";
        }
    }

    /** The last {@code maxChars} characters of a file, for failure messages. */
    static String tail(Path file, int maxChars) {
        String s = read(file);
        return s.length() <= maxChars ? s : "..." + s.substring(s.length() - maxChars);
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether {@code program} is on the PATH. */
    static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) return true;
        }
        return false;
    }
}
