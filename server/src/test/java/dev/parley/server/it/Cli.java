package dev.parley.server.it;

import dev.parley.server.app.Main;
import dev.parley.server.app.cli.ControlPlaneCommands;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Runs {@code parley SUBCOMMAND ...} in this JVM against a server under test, as a user would type it,
 * with {@code --api} and {@code --token} added; what it printed is captured.
 */
final class Cli {
    /** Exit code and standard output of one run. */
    record Run(int exitCode, String out) {}

    private Cli() {}

    static synchronized Run run(ApiClient api, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--api", api.base(), "--token", api.token()));
        CommandLine cli = new CommandLine(new Main());
        ControlPlaneCommands.addTo(cli);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            int code = cli.execute(all.toArray(String[]::new));
            return new Run(code, buffer.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(old);
        }
    }
}
