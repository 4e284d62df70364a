package dev.parley.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiTokenTest {
  @TempDir Path dir;

  @Test
  void theEnvironmentWinsAndNothingIsWritten() throws Exception {
    ApiToken t = ApiToken.resolve("from-env", dir, m -> {});

    assertThat(t.matches("from-env")).isTrue();
    assertThat(dir.resolve(ApiToken.FILE_NAME)).doesNotExist();
  }

  @Test
  void aTokenIsGeneratedOnFirstStartAndAnnouncedOnlyThen() throws Exception {
    List<String> said = new ArrayList<>();
    ApiToken first = ApiToken.resolve(null, dir.resolve("data"), said::add);
    ApiToken second = ApiToken.resolve(null, dir.resolve("data"), said::add);

    String saved = Files.readString(dir.resolve("data").resolve(ApiToken.FILE_NAME)).strip();
    assertThat(saved).hasSizeGreaterThanOrEqualTo(40);
    assertThat(first.matches(saved)).isTrue();
    assertThat(second.matches(saved)).isTrue();
    assertThat(said).hasSize(1);
    assertThat(said.get(0)).contains(saved);
  }

  @Test
  void anyOtherTokenIsRefused() throws Exception {
    ApiToken t = ApiToken.resolve("right", dir, m -> {});

    assertThat(t.matches("wrong")).isFalse();
    assertThat(t.matches("righ")).isFalse();
    assertThat(t.matches("")).isFalse();
    assertThat(t.matches(null)).isFalse();
  }
}
