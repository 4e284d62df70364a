package dev.parley.testkit;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster for tests: {@code initdb} into a temporary directory and
 * {@code pg_ctl start} on 127.0.0.1 with a free port, trust authentication, database {@code parley}.
 * Debian's server binaries are found under {@code /usr/lib/postgresql/VERSION/bin} (installed by
 * {@code scripts/install-test-deps.sh}). PostgreSQL refuses to run as root: as root the cluster runs as
 * the {@code postgres} user that Debian's package creates, through {@code runuser}.
 *
 * <p>{@link #start} fails with an {@link IOException} that says what is missing or what the server logged;
 * tests then fail, they are never skipped. {@link #close} stops the server and deletes the directory;
 * a JVM shutdown hook does so too.
 */
public final class PostgresServer implements AutoCloseable {
    private static final String DATABASE = "parley";
    private static final String USER = "parley";

    private final Path bin;
    private final Path dir;
    private final int port;
    private final String runAs;
    private boolean stopped;

    private PostgresServer(Path bin, Path dir, int port, String runAs) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.runAs = runAs;
    }

    /** The one cluster of this JVM, started on first use and stopped when the JVM exits. */
    public static synchronized PostgresServer shared() throws IOException {
        if (shared == null) {
            shared = start();
            PostgresServer s = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(s::close));
        }
        return shared;
    }

    private static PostgresServer shared;

    public static PostgresServer start() throws IOException {
        Path bin = findBin();
        boolean root = "root".equals(System.getProperty("user.name"));
        String runAs = root ? "postgres" : null;
        Path dir = Files.createTempDirectory("parley-pg-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        if (root) run(List.of("chown", "postgres", dir.toString()), null);
        int port = freePort();
        PostgresServer s = new PostgresServer(bin, dir, port, runAs);
        try {
            s.run(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", USER,
                    "--auth=trust", "--encoding=UTF8", "--no-sync"));
            s.run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
                    dir.resolve("server.log").toString(), "-w", "-t", "30", "-o",
                    "-c listen_addresses=127.0.0.1 -c port=" + port + " -c unix_socket_directories=" + dir
                            + " -c fsync=off", "start"));
            s.run(List.of(bin.resolve("createdb").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U",
                    USER, DATABASE));
        } catch (IOException e) {
            String log = Files.exists(dir.resolve("server.log")) ? Processes.tail(dir.resolve("server.log"), 3000) : "";
            s.close();
            throw new IOException("PostgreSQL did not start: " + e.getMessage() + (log.isEmpty() ? "" : "\n" + log), e);
        }
        return s;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public String user() {
        return USER;
    }

    public int port() {
        return port;
    }

    /** Drops and re-creates the test database: each test starts from an empty schema. */
    public void resetDatabase() throws IOException {
        run(List.of(bin.resolve("dropdb").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", USER,
                "--if-exists", "--force", DATABASE));
        run(List.of(bin.resolve("createdb").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", USER,
                DATABASE));
    }

    @Override
    public synchronized void close() {
        if (stopped) return;
        stopped = true;
        try {
            if (Files.exists(dir.resolve("data/postmaster.pid"))) {
                run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast",
                        "-w", "stop"));
            }
        } catch (IOException ignored) {
            // stopping anyway; the directory goes below
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }

    private void run(List<String> command) throws IOException {
        List<String> cmd = new ArrayList<>();
        if (runAs != null) cmd.addAll(List.of("runuser", "-u", runAs, "--"));
        cmd.addAll(command);
        run(cmd, dir);
    }

    private static void run(List<String> cmd, Path workDir) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (workDir != null) pb.directory(workDir.toFile());
        Process p = pb.start();
        String out;
        try {
            out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", cmd) + " did not finish in 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " exited " + p.exitValue() + ": " + out.strip());
        }
    }

    private static Path findBin() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                var bin = versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .max(Comparator.comparing(PostgresServer::version));
                if (bin.isPresent()) return bin.get();
            }
        }
        throw new IOException("no PostgreSQL server binaries under /usr/lib/postgresql/*/bin: install Debian's"
                + " postgresql package (scripts/install-test-deps.sh does)");
    }

    private static int version(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString().replaceAll("\\D.*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
