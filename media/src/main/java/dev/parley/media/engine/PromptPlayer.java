package dev.parley.media.engine;

import dev.parley.media.audio.Prompt;

/**
 * Plays a sequence of prompts frame by frame, optionally looping the last one (the alone prompt then
 * music until someone joins). Owned by one media thread; {@link #start} is called on that thread.
 */
final class PromptPlayer {
  private Prompt[] sequence = new Prompt[0];
  private boolean loopLast;
  private int index;
  private int position;
  private String tag;
  private boolean active;

  void start(Prompt[] prompts, boolean loopLast, String tag) {
    this.sequence = prompts;
    this.loopLast = loopLast;
    this.tag = tag;
    this.index = 0;
    this.position = 0;
    this.active = prompts.length > 0;
  }

  void stop() {
    active = false;
  }

  boolean active() {
    return active;
  }

  String tag() {
    return tag;
  }

  /**
   * Fills {@code out} with the next {@code count} samples (silence after the end).
   *
   * @return true when this call played the last sample of a sequence that does not loop, so the
   *     caller can report "playback ended" once
   */
  boolean read(short[] out, int count) {
    int written = 0;
    while (written < count && active) {
      Prompt p = sequence[index];
      int n = Math.min(count - written, p.length() - position);
      if (n > 0) {
        p.copy(position, out, written, n);
        written += n;
        position += n;
      }
      if (position >= p.length()) {
        position = 0;
        if (index + 1 < sequence.length) {
          index++;
        } else if (!loopLast || p.length() == 0) {
          active = false;
          java.util.Arrays.fill(out, written, count, (short) 0);
          return true;
        }
      }
    }
    if (written < count) java.util.Arrays.fill(out, written, count, (short) 0);
    return false;
  }
}
