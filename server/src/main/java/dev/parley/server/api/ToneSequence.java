package dev.parley.server.api;

import dev.parley.media.audio.Prompt;
import dev.parley.media.audio.Tones;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tone sequence as text, the form telephony configs use for call-progress tones:
 * {@code "350+440/500,0/500,440/250"}: comma-separated steps {@code FREQ[+FREQ2]/MILLIS}, where
 * {@code 0/MILLIS} is silence and {@code +FREQ2} adds a second sine (a dual tone). Every step is
 * synthesised once, at the room's rate, when the request arrives.
 */
final class ToneSequence {
  static final int MAX_STEPS = 100;
  private static final Pattern STEP = Pattern.compile("\\s*(\\d{1,5}(?:\\.\\d+)?)(?:\\+(\\d{1,5}(?:\\.\\d+)?))?/(\\d{1,6})\\s*");

  /** One step: {@code firstHz} 0 is silence, {@code secondHz} 0 a single sine. */
  record Step(double firstHz, double secondHz, int millis) {
    String text() {
      String f = firstHz == 0 ? "0" : Math.round(firstHz) + (secondHz > 0 ? "+" + Math.round(secondHz) : "");
      return f + "/" + millis;
    }
  }

  private ToneSequence() {}

  /** @throws IllegalArgumentException naming the step that is wrong */
  static List<Step> parse(String text) {
    String[] parts = text.split(",", -1);
    if (text.isBlank()) throw new IllegalArgumentException("a tone sequence needs at least one step such as 440/500");
    if (parts.length > MAX_STEPS) throw new IllegalArgumentException("at most " + MAX_STEPS + " steps, got " + parts.length);
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < parts.length; i++) {
      Matcher m = STEP.matcher(parts[i]);
      if (!m.matches()) {
        throw new IllegalArgumentException("step " + (i + 1) + " '" + parts[i].strip()
            + "' is not FREQ/MILLIS, FREQ+FREQ/MILLIS or 0/MILLIS (e.g. 350+440/500)");
      }
      steps.add(new Step(Double.parseDouble(m.group(1)), m.group(2) == null ? 0 : Double.parseDouble(m.group(2)),
          Integer.parseInt(m.group(3))));
    }
    return steps;
  }

  /**
   * Checks every step against the room's rate and the length limit, and synthesises them.
   *
   * @throws IllegalArgumentException naming the step that is wrong
   */
  static List<Prompt> synthesise(List<Step> steps, double levelDbfs, int rateHz, int maxTotalMillis) {
    List<Prompt> out = new ArrayList<>();
    long total = 0;
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      String where = "step " + (i + 1) + " (" + s.text() + ")";
      if (s.millis() < 1) throw new IllegalArgumentException(where + ": the length must be at least 1 ms");
      for (double hz : new double[] {s.firstHz(), s.secondHz()}) {
        if (hz != 0 && (hz < 20 || hz >= rateHz / 2.0)) {
          throw new IllegalArgumentException(where + ": a frequency is 20 Hz to below " + rateHz / 2 + " Hz in this room, got " + hz);
        }
      }
      if (s.firstHz() == 0 && s.secondHz() != 0) throw new IllegalArgumentException(where + ": silence has no second frequency");
      total += s.millis();
      if (total > maxTotalMillis) throw new IllegalArgumentException("the sequence is longer than " + maxTotalMillis + " ms");
      // Two sines at the same peak add up to twice it: 6 dB less each keeps a dual tone at the level asked.
      out.add(s.firstHz() == 0 ? Tones.silence(s.millis(), rateHz)
          : Tones.dual(s.firstHz(), s.secondHz(), s.millis(), s.secondHz() > 0 ? levelDbfs - 6 : levelDbfs, rateHz));
    }
    return out;
  }

  static String text(List<Step> steps) {
    StringBuilder b = new StringBuilder();
    for (Step s : steps) b.append(b.isEmpty() ? "" : ",").append(s.text());
    return b.toString();
  }
}
