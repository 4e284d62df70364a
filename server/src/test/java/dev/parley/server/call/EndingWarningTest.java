package dev.parley.server.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.media.audio.Prompt;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Which built-in prompts say "this conference ends in N minutes", and in which order. */
class EndingWarningTest {
  private static final String N = "builtin:numbers/";

  @Test
  void minutesAreSaidWithTheNumberPromptsAndTheRightUnit() {
    assertThat(EndingWarning.references(Duration.ofMinutes(1))).containsExactly("builtin:ends-in", N + "1", N + "minute");
    assertThat(EndingWarning.references(Duration.ofMinutes(5))).containsExactly("builtin:ends-in", N + "5", N + "minutes");
    assertThat(EndingWarning.references(Duration.ofMinutes(21)))
        .containsExactly("builtin:ends-in", N + "20", N + "1", N + "minutes");
    assertThat(EndingWarning.references(Duration.ofMinutes(90))).containsExactly("builtin:ends-in", N + "90", N + "minutes");
    assertThat(EndingWarning.references(Duration.ofMinutes(105)))
        .containsExactly("builtin:ends-in", N + "1", N + "hundred", N + "5", N + "minutes");
  }

  @Test
  void underAMinuteItCountsSecondsAndAboveItRoundsToWholeMinutes() {
    assertThat(EndingWarning.references(Duration.ofSeconds(30))).containsExactly("builtin:ends-in", N + "30", N + "seconds");
    assertThat(EndingWarning.references(Duration.ofSeconds(1))).containsExactly("builtin:ends-in", N + "1", N + "second");
    assertThat(EndingWarning.references(Duration.ofSeconds(89))).containsExactly("builtin:ends-in", N + "1", N + "minute");
    assertThat(EndingWarning.references(Duration.ofSeconds(299))).containsExactly("builtin:ends-in", N + "5", N + "minutes");
  }

  @Test
  void theComposedWarningIsEveryPartInOrderAtTheRoomsRate() throws Exception {
    PromptLibrary prompts = new PromptLibrary();
    Prompt warning = EndingWarning.compose(prompts, Duration.ofMinutes(21), 16000);
    int total = 0;
    for (String ref : EndingWarning.references(Duration.ofMinutes(21))) total += prompts.get(ref, 16000).length();
    assertThat(warning.rateHz()).isEqualTo(16000);
    assertThat(warning.length()).isEqualTo(total);
    Prompt endsIn = prompts.get("builtin:ends-in", 16000);
    assertThat(warning.sample(endsIn.length() / 2)).isEqualTo(endsIn.sample(endsIn.length() / 2));
    assertThat(warning.durationSeconds()).as("a sentence, not a word").isBetween(2.0, 5.0);
  }
}
