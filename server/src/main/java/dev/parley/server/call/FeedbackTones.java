package dev.parley.server.call;

import dev.parley.media.audio.Prompt;

/**
 * The short tones a member hears after a key press that changes a level: higher for up, lower for
 * down, a double beep for reset, a low buzz for a key that does nothing here.
 */
final class FeedbackTones {
  final Prompt up;
  final Prompt down;
  final Prompt reset;
  final Prompt error;

  FeedbackTones(int rateHz) {
    up = tone("beep-up", rateHz, 1200, 80);
    down = tone("beep-down", rateHz, 600, 80);
    reset = concat("beep-reset", tone("r", rateHz, 900, 60), silence(rateHz, 60), tone("r", rateHz, 900, 60));
    error = tone("beep-error", rateHz, 300, 250);
  }

  /** A sine at -20 dBFS with 5 ms ramps, so it does not click. */
  private static Prompt tone(String name, int rateHz, double freqHz, int millis) {
    int n = rateHz * millis / 1000;
    int ramp = rateHz / 200;
    short[] s = new short[n];
    double amp = 32767 * Math.pow(10, -20 / 20.0);
    for (int i = 0; i < n; i++) {
      double env = Math.min(1.0, Math.min(i, n - 1 - i) / (double) ramp);
      s[i] = (short) Math.round(amp * env * Math.sin(2 * Math.PI * freqHz * i / rateHz));
    }
    return new Prompt(name, rateHz, s);
  }

  private static Prompt silence(int rateHz, int millis) {
    return new Prompt("silence", rateHz, new short[rateHz * millis / 1000]);
  }

  private static Prompt concat(String name, Prompt... parts) {
    int total = 0;
    for (Prompt p : parts) total += p.length();
    short[] s = new short[total];
    int at = 0;
    for (Prompt p : parts) {
      p.copy(0, s, at, p.length());
      at += p.length();
    }
    return new Prompt(name, parts[0].rateHz(), s);
  }
}
