package dev.parley.testkit.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FuzzerTest {

  @Test
  void aParserThatNeverThrowsPassesEveryRound() {
    int[] seen = {0};
    int count = Fuzzer.forCorpusOf(FuzzerTest.class).rounds(500).run(in -> seen[0]++);
    assertThat(count).isEqualTo(501);
    assertThat(seen[0]).isEqualTo(501);
  }

  @Test
  void aCrashIsFoundAndReportedWithItsSeedAndRound() {
    // A parser that breaks on a dictionary token next to a boundary number: what mutations aim at.
    Fuzzer.Target fragile = in -> {
      String s = new String(in, StandardCharsets.ISO_8859_1);
      if (s.contains("BOOM")) throw new ArrayIndexOutOfBoundsException("found it");
    };
    assertThatThrownBy(() -> Fuzzer.forCorpusOf(FuzzerTest.class).dictionary(List.of("BOOM")).rounds(5_000).run(fragile))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("FuzzerTest: seed ")
        .hasMessageContaining("round ")
        .hasMessageContaining("ArrayIndexOutOfBoundsException");
  }

  @Test
  void theSameSeedMakesTheSameInputs() {
    StringBuilder a = new StringBuilder();
    StringBuilder b = new StringBuilder();
    Fuzzer.forCorpusOf(FuzzerTest.class).rounds(200).run(in -> a.append(java.util.Arrays.hashCode(in)).append(','));
    Fuzzer.forCorpusOf(FuzzerTest.class).rounds(200).run(in -> b.append(java.util.Arrays.hashCode(in)).append(','));
    assertThat(a.toString()).isEqualTo(b.toString());
  }

  @Test
  void inputsStayWithinTheLengthBound() {
    int[] longest = {0};
    Fuzzer.forCorpusOf(FuzzerTest.class).rounds(3_000).run(in -> longest[0] = Math.max(longest[0], in.length));
    assertThat(longest[0]).isGreaterThan(1_000).isLessThanOrEqualTo(Mutator.MAX_LENGTH);
  }
}
