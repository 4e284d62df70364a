package dev.parley.media.jitter;

/**
 * Simple packet loss concealment: while audio is missing, replays the last {@code periodSamples} of
 * real audio over and over with a gain falling linearly to zero over {@code limitSamples}, after which
 * it gives silence. Fading out rather than repeating at full level is what keeps a long gap from
 * turning into a buzz; the limit (tens of milliseconds) is where listeners stop hearing a repair and
 * start hearing a stutter.
 *
 * <p>Used by one media thread; no allocation after construction.
 */
final class Concealer {
  private final short[] history;
  private final int limitSamples;
  private int historyPos;
  private int historyFill;
  private int run;

  Concealer(int periodSamples, int limitSamples) {
    this.history = new short[periodSamples];
    this.limitSamples = limitSamples;
  }

  /** Records a real sample that was just played: it becomes the newest in the history. */
  void played(short sample) {
    history[historyPos] = sample;
    if (++historyPos == history.length) historyPos = 0;
    if (historyFill < history.length) historyFill++;
    run = 0;
  }

  /** Records {@code count} real samples just played, oldest first (as many calls of {@link #played(short)}). */
  void played(short[] samples, int offset, int count) {
    if (count == 0) return;
    int keep = Math.min(count, history.length); // only the newest period matters
    int from = offset + count - keep;
    int first = Math.min(keep, history.length - historyPos);
    System.arraycopy(samples, from, history, historyPos, first);
    System.arraycopy(samples, from + first, history, 0, keep - first);
    historyPos = (historyPos + keep) % history.length;
    historyFill = Math.min(history.length, historyFill + keep);
    run = 0;
  }

  /** True if {@link #next()} would give concealment rather than silence. */
  boolean active() {
    return historyFill > 0 && run < limitSamples;
  }

  /** The next sample to play in place of a missing one (0 once the concealment has run out). */
  short next() {
    if (!active()) {
      run = limitSamples; // saturate: a long silence must not count up forever
      return 0;
    }
    int oldest = historyPos - historyFill;
    int slot = oldest + run % historyFill;
    if (slot < 0) slot += history.length;
    // (limit - 1 - run) / limit: strictly below full level from the first sample, zero at the limit.
    int value = history[slot] * (limitSamples - 1 - run) / limitSamples;
    run++;
    return (short) value;
  }

  /** Forgets the history: what follows is unrelated audio. */
  void clear() {
    historyFill = 0;
    historyPos = 0;
    run = 0;
  }
}
