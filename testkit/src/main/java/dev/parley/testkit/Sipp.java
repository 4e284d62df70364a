package dev.parley.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One run of SIPp 3.6 with a scenario file, always bounded.
 *
 * <p>Runs {@code sipp -sf <scenario> <target> -s <service> -i 127.0.0.1 -p <sipPort> -mi 127.0.0.1
 * -mp <mediaPort> -m <calls> -timeout <N>s -timeout_error -nostdin -trace_err -trace_msg [-key k v]...}
 * with {@code workDir} as its current directory (sipp writes its logs there). The Java side waits
 * {@code timeout} plus 10 s at most, then kills it. Port plan: SIP 5100-5199, media 16000 and up;
 * two sipp at once need different values of both.
 *
 * <p>Exit codes (sipp's): 0 every call succeeded, 1 at least one call failed, 97/99 ended without
 * all calls, -1 here when it had to be killed.
 */
public final class Sipp implements AutoCloseable {

    /** The outcome of a run, with sipp's logs for failure messages. */
    public record Result(int exitCode, Duration elapsed, Path workDir, String output, String errors, String messages) {
        public boolean succeeded() {
            return exitCode == 0;
        }

        /** Exit code, elapsed time, the error log and the tail of the message trace. */
        public String describe() {
            return "sipp exit " + exitCode + " after " + elapsed.toMillis() + " ms in " + workDir
                    + "\n--- errors ---\n" + tail(errors, 3000)
                    + "\n--- messages (tail) ---\n" + tail(messages, 6000)
                    + "\n--- output (tail) ---\n" + tail(output, 2000);
        }

        private static String tail(String s, int n) {
            return s.length() <= n ? s : "..." + s.substring(s.length() - n);
        }
    }

    /** Settings of a run; start with {@link #scenario(Path, Path)}. */
    public static final class Builder {
        private final Path scenario;
        private final Path workDir;
        private String target = "127.0.0.1:5060";
        private String service = "3000";
        private int sipPort = 5100;
        private int mediaPort = 16000;
        private int calls = 1;
        private Duration timeout = Duration.ofSeconds(20);
        private final Map<String, String> keys = new LinkedHashMap<>();
        private final List<String> extra = new ArrayList<>();

        private Builder(Path scenario, Path workDir) {
            this.scenario = scenario.toAbsolutePath();
            this.workDir = workDir.toAbsolutePath();
        }

        /** {@code host:port} to send to (UAC); null for a UAS. */
        public Builder target(String hostPort) {
            this.target = hostPort;
            return this;
        }

        public Builder target(int port) {
            return target("127.0.0.1:" + port);
        }

        /** The {@code [service]} keyword: the user part of the request URI. */
        public Builder service(String service) {
            this.service = service;
            return this;
        }

        public Builder sipPort(int port) {
            this.sipPort = port;
            return this;
        }

        public Builder mediaPort(int port) {
            this.mediaPort = port;
            return this;
        }

        /** {@code -m}: stop after this many calls. */
        public Builder calls(int calls) {
            this.calls = calls;
            return this;
        }

        /** {@code -timeout}: sipp's global limit; whole seconds. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** {@code -key name value}, used in the scenario as {@code [name]}. */
        public Builder key(String name, String value) {
            keys.put(name, value);
            return this;
        }

        /** Any other arguments, e.g. {@code "-rtp_echo"}, {@code "-d", "5000"}, {@code "-l", "2"}, {@code "-t", "t1"}. */
        public Builder args(String... args) {
            extra.addAll(List.of(args));
            return this;
        }

        public List<String> command() {
            List<String> c = new ArrayList<>(List.of("sipp", "-sf", scenario.toString()));
            if (target != null) c.add(target);
            c.addAll(List.of("-s", service, "-i", "127.0.0.1", "-p", Integer.toString(sipPort),
                    "-mi", "127.0.0.1", "-mp", Integer.toString(mediaPort), "-m", Integer.toString(calls),
                    "-timeout", Math.max(1, timeout.toSeconds()) + "s", "-timeout_error",
                    "-nostdin", "-trace_err", "-trace_msg"));
            keys.forEach((k, v) -> c.addAll(List.of("-key", k, v)));
            c.addAll(extra);
            return c;
        }

        /** Starts sipp in the background; collect the result with {@link Sipp#await()}. */
        public Sipp start() throws IOException {
            Files.createDirectories(workDir);
            List<String> cmd = command();
            Files.writeString(workDir.resolve("command.txt"), String.join(" ", cmd) + "\n");
            Process p = Processes.start(cmd, workDir, workDir.resolve("sipp.out"));
            return new Sipp(p, workDir, timeout, System.nanoTime());
        }

        /** Starts sipp and waits for it to end (bounded). */
        public Result run() throws IOException {
            try (Sipp s = start()) {
                return s.await();
            }
        }
    }

    private final Process process;
    private final Path workDir;
    private final Duration timeout;
    private final long startNanos;
    private Result result;

    private Sipp(Process process, Path workDir, Duration timeout, long startNanos) {
        this.process = process;
        this.workDir = workDir;
        this.timeout = timeout;
        this.startNanos = startNanos;
    }

    /** A run of {@code scenario} whose logs go to {@code workDir} (its current directory). */
    public static Builder scenario(Path scenario, Path workDir) {
        return new Builder(scenario, workDir);
    }

    /** When sipp was started, by {@link System#nanoTime()}. */
    public long startNanos() {
        return startNanos;
    }

    /** Waits for sipp to end, at most its own timeout plus 10 s, killing it after that. */
    public synchronized Result await() {
        if (result == null) {
            boolean ended = Processes.waitFor(process, timeout.plusSeconds(10));
            int code = ended ? process.exitValue() : -1;
            if (!ended) Processes.stop(process, Duration.ofSeconds(2));
            Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
            result = new Result(code, elapsed, workDir, Processes.read(workDir.resolve("sipp.out")),
                    readLogs("_errors.log"), readLogs("_messages.log"));
        }
        return result;
    }

    /** Kills sipp if it still runs. */
    @Override
    public void close() {
        Processes.stop(process, Duration.ofSeconds(2));
    }

    private String readLogs(String suffix) {
        StringBuilder b = new StringBuilder();
        try (Stream<Path> files = Files.list(workDir)) {
            files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted()
                    .forEach(f -> b.append(Processes.read(f)));
        } catch (IOException e) {
            b.append("<").append(e).append(">");
        }
        return b.toString();
    }
}
