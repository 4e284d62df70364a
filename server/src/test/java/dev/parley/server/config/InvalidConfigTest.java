package dev.parley.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file under {@code config/invalid/} holds exactly one mistake; its first line reads
 * {@code # error: EXPECTED MESSAGE}, where {@code {dir}} stands for the fixture directory.
 */
class InvalidConfigTest {

    private static final String EXPECT = "# error: ";

    static Path fixtureDir() throws URISyntaxException {
        return Path.of(InvalidConfigTest.class.getResource("/config/invalid").toURI());
    }

    static List<String> fixtures() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(fixtureDir())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fileIsRejectedWithTheExpectedLineFieldAndMessage(String name) throws Exception {
        Path dir = fixtureDir();
        String text = Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
        String firstLine = text.lines().findFirst().orElseThrow();
        assertThat(firstLine).as("first line of " + name).startsWith(EXPECT);
        String expected = firstLine.substring(EXPECT.length()).replace("{dir}", dir.toAbsolutePath().toString());

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse(text, name, dir));

        assertThat(e).as(name + " must be rejected").isNotNull();
        assertThat(e.getMessage()).isEqualTo(expected);
        assertThat(e.problems()).hasSize(1);
    }

    @Test
    void loadingAFixtureFromDiskReportsTheSameProblem() throws Exception {
        Path file = fixtureDir().resolve("bad-regex.yaml");

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file));

        assertThat(e.getMessage()).isEqualTo(file + ":3: routes[0].match: not a valid regular expression: "
                + "Unclosed group near index 8");
        ConfigProblem p = e.problems().getFirst();
        assertThat(p.source()).isEqualTo(file.toString());
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.field()).isEqualTo("routes[0].match");
    }

    @Test
    void thereIsAFixtureForEveryKindOfError() throws Exception {
        assertThat(fixtures()).contains("misspelt-profile-key.yaml", "port-not-a-number.yaml", "port-out-of-range.yaml",
                "bad-regex.yaml", "missing-profile.yaml", "bad-duration.yaml", "missing-sound-file.yaml",
                "unknown-route-param.yaml", "yaml-syntax.yaml", "duplicate-key.yaml");
    }
}
