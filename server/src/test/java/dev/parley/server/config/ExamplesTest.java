package dev.parley.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file under examples/ is a valid configuration, so the README's commands work as written. */
class ExamplesTest {
    static Path dir() {
        return Path.of(System.getProperty("user.dir")).getParent().resolve("examples");
    }

    static List<String> examples() throws IOException {
        try (Stream<Path> files = Files.list(dir())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void theExampleLoads(String name) throws Exception {
        ServerConfig c = ConfigLoader.load(dir().resolve(name));
        assertThat(c.routes()).isNotEmpty();
    }

    @org.junit.jupiter.api.Test
    void thereIsOneExamplePerSeedScenario() throws IOException {
        // Seed 004 has two: the moderator keys of its conference extension and its ad-hoc rooms.
        assertThat(examples()).allMatch(n -> n.startsWith("seed-00"));
        assertThat(examples().stream().map(n -> n.substring(0, "seed-00N".length())).distinct())
                .containsExactly("seed-000", "seed-001", "seed-002", "seed-003", "seed-004");
    }
}
