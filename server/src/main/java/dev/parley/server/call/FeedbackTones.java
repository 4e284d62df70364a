package dev.parley.server.call;

import dev.parley.media.audio.Prompt;
import dev.parley.media.audio.Tones;

/**
 * The short tones a member hears after a key press that changes a level: higher for up, lower for
 * down, a double beep for reset, a low buzz for a key that does nothing here.
 */
final class FeedbackTones {
  private static final double LEVEL_DBFS = -20;

  final Prompt up;
  final Prompt down;
  final Prompt reset;
  final Prompt error;

  FeedbackTones(int rateHz) {
    up = Tones.sine(1200, 80, LEVEL_DBFS, rateHz);
    down = Tones.sine(600, 80, LEVEL_DBFS, rateHz);
    reset = Tones.sequence("beep-reset", Tones.sine(900, 60, LEVEL_DBFS, rateHz), Tones.silence(60, rateHz),
        Tones.sine(900, 60, LEVEL_DBFS, rateHz));
    error = Tones.sine(300, 250, LEVEL_DBFS, rateHz);
  }
}
