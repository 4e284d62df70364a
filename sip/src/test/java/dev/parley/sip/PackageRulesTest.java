package dev.parley.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module's own rules (docs/architecture.md): only {@code dev.parley.sip.jainsip} touches the SIP
 * stack; the SDP and digest packages are pure; the registrar's table knows only the API's values. Checked on the sources, so the rule holds before any server test
 * runs.
 */
class PackageRulesTest {
  private static final Path MAIN = Path.of("src/main/java/dev/parley/sip");

  private static List<Path> sources(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".java")).toList();
    }
  }

  @Test
  void onlyTheAdapterImportsTheStack() throws IOException {
    List<Path> all = sources(MAIN);
    assertThat(all).isNotEmpty();
    for (Path f : all) {
      if (f.startsWith(MAIN.resolve("jainsip"))) continue;
      assertThat(Files.readString(f)).as(f.toString()).doesNotContain("javax.sip").doesNotContain("gov.nist");
    }
  }

  @Test
  void sdpKnowsNothingElse() throws IOException {
    for (Path f : sources(MAIN.resolve("sdp"))) {
      String text = Files.readString(f);
      assertThat(text).as(f.toString())
          .doesNotContain("import dev.parley.sip.jainsip").doesNotContain("import dev.parley.sip.Sip")
          .doesNotContain("import org.slf4j").doesNotContain("java.net.");
    }
  }

  @Test
  void guardIsPureJdk() throws IOException {
    List<Path> files = sources(MAIN.resolve("guard"));
    assertThat(files).isNotEmpty();
    for (Path f : files) {
      assertThat(Files.readString(f)).as(f.toString())
          .doesNotContain("import dev.parley.sip.").doesNotContain("import org.slf4j").doesNotContain("java.net.");
    }
  }

  @Test
  void digestIsPureJdk() throws IOException {
    for (Path f : sources(MAIN.resolve("digest"))) {
      String text = Files.readString(f);
      assertThat(text).as(f.toString())
          .doesNotContain("import dev.parley.sip.").doesNotContain("import org.slf4j").doesNotContain("java.net.");
    }
  }

  @Test
  void registrarSeesOnlyTheApiValues() throws IOException {
    for (Path f : sources(MAIN.resolve("registrar"))) {
      String text = Files.readString(f);
      assertThat(text).as(f.toString())
          .doesNotContain("import dev.parley.sip.jainsip").doesNotContain("import dev.parley.sip.digest")
          .doesNotContain("import org.slf4j").doesNotContain("java.net.");
    }
  }
}
