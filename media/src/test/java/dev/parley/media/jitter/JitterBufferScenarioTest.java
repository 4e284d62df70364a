package dev.parley.media.jitter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.media.testing.JitterScript;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every scenario in {@code src/test/resources/jitter/*.jbt}; the language is in {@link JitterScript}. */
class JitterBufferScenarioTest {
  static List<Path> scenarios() throws IOException, URISyntaxException {
    Path dir = Path.of(JitterBufferScenarioTest.class.getResource("/jitter").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".jbt")).sorted().toList();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void scenario(Path file) throws IOException {
    JitterScript.load(file).run();
  }

  @Test
  void theRequiredScenariosExist() throws Exception {
    List<String> names = scenarios().stream().map(p -> p.getFileName().toString()).toList();
    assertThat(names).contains(
        "steady.jbt", "loss-single.jbt", "loss-burst.jbt", "reorder.jbt", "duplicate.jbt", "late.jbt",
        "sequence-wrap.jbt", "timestamp-wrap.jbt", "timestamp-jump-forward.jbt",
        "timestamp-jump-backward.jbt", "ssrc-change.jbt", "jitter-growth.jbt", "calm.jbt",
        "ptime-10.jbt", "ptime-30.jbt");
  }
}
