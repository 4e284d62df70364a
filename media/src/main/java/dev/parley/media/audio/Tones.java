package dev.parley.media.audio;

/**
 * Synthesised {@link Prompt}s: sine tones, silences and sequences of them, for feedback beeps (one
 * short tone per volume or energy step) and for tests. Built on a control thread, allocated once, then
 * shared like any prompt.
 *
 * <p>Levels are in dBFS of the sine's peak: 0 dBFS is a sine reaching ±32767. Each tone rises and
 * falls over {@link #RAMP_MILLIS} so that it does not click when it starts or stops.
 */
public final class Tones {
  /** Length of the raised-cosine attack and release of every tone. */
  public static final int RAMP_MILLIS = 5;

  private Tones() {}

  /** A sine of {@code frequencyHz} lasting {@code millis}, peaking at {@code levelDbfs}. */
  public static Prompt sine(double frequencyHz, int millis, double levelDbfs, int rateHz) {
    return dual(frequencyHz, 0, millis, levelDbfs, rateHz);
  }

  /**
   * Two sines at the same level added together (a DTMF key, a ring-back tone); {@code secondHz} 0
   * means one sine. Each sine peaks at {@code levelDbfs}, so two at -6 dBFS or lower never clip.
   */
  public static Prompt dual(double firstHz, double secondHz, int millis, double levelDbfs, int rateHz) {
    checkLength(millis, rateHz);
    int n = millis * rateHz / 1000;
    int ramp = Math.min(n / 2, RAMP_MILLIS * rateHz / 1000);
    double amplitude = Short.MAX_VALUE * Math.pow(10, levelDbfs / 20);
    short[] s = new short[n];
    for (int i = 0; i < n; i++) {
      double t = i / (double) rateHz;
      double v = Math.sin(2 * Math.PI * firstHz * t);
      if (secondHz > 0) v += Math.sin(2 * Math.PI * secondHz * t);
      double envelope = 1;
      int fromEdge = Math.min(i, n - 1 - i);
      if (fromEdge < ramp) envelope = 0.5 - 0.5 * Math.cos(Math.PI * fromEdge / ramp);
      long sample = Math.round(amplitude * envelope * v);
      s[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sample));
    }
    String name = secondHz > 0 ? firstHz + "+" + secondHz + " Hz" : firstHz + " Hz";
    return new Prompt(name + " " + millis + " ms " + levelDbfs + " dBFS", rateHz, s);
  }

  /** {@code millis} of digital silence. */
  public static Prompt silence(int millis, int rateHz) {
    checkLength(millis, rateHz);
    return new Prompt("silence " + millis + " ms", rateHz, new short[millis * rateHz / 1000]);
  }

  /** The parts played one after the other, as one prompt; every part must have the same rate. */
  public static Prompt sequence(String name, Prompt... parts) {
    if (parts.length == 0) throw new IllegalArgumentException("a sequence needs at least one part");
    int rate = parts[0].rateHz();
    int total = 0;
    for (Prompt p : parts) {
      if (p.rateHz() != rate) throw new IllegalArgumentException("mixed rates: " + p + " in " + name);
      total += p.length();
    }
    short[] s = new short[total];
    int at = 0;
    for (Prompt p : parts) {
      p.copy(0, s, at, p.length());
      at += p.length();
    }
    return new Prompt(name, rate, s);
  }

  /**
   * {@code count} beeps of {@code beepMillis} with {@code gapMillis} of silence between them (none
   * after the last): "one beep per step". {@code count} 0 gives an empty prompt.
   */
  public static Prompt beeps(
      int count, double frequencyHz, int beepMillis, int gapMillis, double levelDbfs, int rateHz) {
    if (count < 0) throw new IllegalArgumentException("count must not be negative: " + count);
    if (count == 0) return new Prompt("no beeps", rateHz, new short[0]);
    Prompt beep = sine(frequencyHz, beepMillis, levelDbfs, rateHz);
    Prompt gap = silence(gapMillis, rateHz);
    Prompt[] parts = new Prompt[2 * count - 1];
    for (int i = 0; i < parts.length; i++) parts[i] = (i & 1) == 0 ? beep : gap;
    return sequence(count + " x " + beep.name(), parts);
  }

  private static void checkLength(int millis, int rateHz) {
    if (millis < 0) throw new IllegalArgumentException("millis must not be negative: " + millis);
    if (rateHz <= 0) throw new IllegalArgumentException("rateHz must be positive: " + rateHz);
  }
}
