package dev.parley.server.config;

import dev.parley.testkit.fuzz.Fuzzer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated config files through {@link ConfigLoader#parse}: a file is accepted, or refused with a
 * {@link ConfigException} whose every problem names a line and says something. Any other exception
 * (a NullPointerException from a key of the wrong shape, a ClassCastException from a list where a map
 * belongs) would reach the user as a stack trace instead of FILE:LINE: FIELD: PROBLEM, and is a defect.
 */
class ConfigLoaderFuzzTest {

    @TempDir
    Path base;

    @Test
    void anyFileLoadsOrIsRefusedWithLinesAndMessages() {
        Fuzzer.forCorpusOf(ConfigLoaderFuzzTest.class)
                .alsoSeededFrom(ConfigLoaderFuzzTest.class, "config/valid")
                .alsoSeededFrom(ConfigLoaderFuzzTest.class, "config/invalid")
                .dictionary(List.of("\n", "\n  ", ": ", "- ", "[", "]", "{", "}", "~", "''", "&a ", "*a", "!!str ", "!!map ",
                        "<<: ", "sip:", "media:", "profiles:", "routes:", "controls:", "extensions:", "gateways:", "api:",
                        "storage:", "match: ", "room: ", "params: ", "profile: ", "pin: ", "flags: ", "sounds: ",
                        "rtp-ports: ", "port: ", "rate: ", "interval: ", "rate-limit: ", "refuse-user-agents: ", "'(", "$9",
                        "builtin:", "/etc/passwd", "webhooks: ", "url: "))
                .rounds(2_000)
                .run(this::load);
    }

    private void load(byte[] input) throws Exception {
        try {
            ConfigLoader.parse(new String(input, StandardCharsets.UTF_8), "fuzz.yaml", base);
        } catch (ConfigException e) {
            if (e.problems().isEmpty()) throw new AssertionError("a ConfigException without problems", e);
            for (ConfigProblem p : e.problems()) {
                if (p.line() < 1) throw new AssertionError("no line: " + p, e);
                if (p.message().isBlank()) throw new AssertionError("no message: " + p, e);
            }
        }
        try (var left = Files.list(base)) {
            if (left.findAny().isPresent()) throw new AssertionError("parsing created files in " + base);
        }
    }
}
