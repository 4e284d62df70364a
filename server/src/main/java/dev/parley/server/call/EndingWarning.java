package dev.parley.server.call;

import dev.parley.media.audio.Prompt;
import dev.parley.media.audio.Tones;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * "This conference ends in five minutes": the spoken warning before a room's end (a profile's
 * {@code warn-before}, a schedule's warning), said with the built-in number prompts
 * ({@code prompts/numbers/}, the ones the member count uses). Whole minutes, rounded, from a
 * minute up; seconds below it.
 */
public final class EndingWarning {
  static final String ENDS_IN = "builtin:ends-in";
  private static final String NUMBERS = "builtin:numbers/";

  private EndingWarning() {}

  /** The built-in prompts that say {@code remaining}, in the order they are played. */
  public static List<String> references(Duration remaining) {
    long seconds = Math.max(1, Math.round(remaining.toMillis() / 1000.0));
    List<String> out = new ArrayList<>();
    out.add(ENDS_IN);
    if (seconds < 60) {
      number(seconds, out);
      out.add(NUMBERS + (seconds == 1 ? "second" : "seconds"));
    } else {
      long minutes = Math.round(seconds / 60.0);
      number(minutes, out);
      out.add(NUMBERS + (minutes == 1 ? "minute" : "minutes"));
    }
    return out;
  }

  /** The warning as one prompt at {@code rateHz}. */
  public static Prompt compose(PromptLibrary prompts, Duration remaining, int rateHz) throws IOException {
    List<String> refs = references(remaining);
    Prompt[] parts = new Prompt[refs.size()];
    for (int i = 0; i < parts.length; i++) parts[i] = prompts.get(refs.get(i), rateHz);
    return Tones.sequence("ends-in " + remaining.toSeconds() + "s", parts);
  }

  /** As the member count says it: "twenty" "one", "one" "hundred" "five", digit by digit from 1000. */
  private static void number(long n, List<String> out) {
    if (n >= 1000) {
      for (char c : Long.toString(n).toCharArray()) out.add(NUMBERS + c);
      return;
    }
    if (n >= 100) {
      out.add(NUMBERS + n / 100);
      out.add(NUMBERS + "hundred");
      n %= 100;
      if (n == 0) return;
    }
    if (n < 20) {
      out.add(NUMBERS + n);
    } else {
      out.add(NUMBERS + (n / 10) + "0");
      if (n % 10 != 0) out.add(NUMBERS + n % 10);
    }
  }
}
