package dev.parley.loadgen.media;

/**
 * A synthetic stand-in for speech when no WAV file is given: talk spurts of voiced sound (a
 * fundamental gliding between 110 and 160 Hz with its harmonics up to 3.4 kHz, shaped by a 4 Hz
 * syllable envelope) for 1.2 s, then 0.8 s of silence, repeated. It is not intelligible; it has
 * speech's level, spectrum slope and on/off pattern, which is what the energy gate, mixer and
 * limiter see. Deterministic, so runs are comparable.
 */
public final class SpeechLike {

  private static final int LOOP_SECONDS = 4;
  private static final double SPURT_SECONDS = 1.2, PERIOD_SECONDS = 2.0;

  private SpeechLike() {}

  /** Four seconds of it at 8 kHz, peak about {@code amplitude}. */
  public static short[] pcm(int amplitude) {
    int rate = AudioLoop.SAMPLE_RATE_HZ;
    short[] out = new short[LOOP_SECONDS * rate];
    double phase = 0;
    for (int i = 0; i < out.length; i++) {
      double t = (double) i / rate;
      double inPeriod = t % PERIOD_SECONDS;
      if (inPeriod >= SPURT_SECONDS) continue;
      double f0 = 135 + 25 * Math.sin(2 * Math.PI * 0.7 * t);
      phase += 2 * Math.PI * f0 / rate;
      double v = 0;
      for (int h = 1; h * f0 < 3400; h++) v += Math.sin(h * phase) / h;
      double syllable = 0.5 - 0.5 * Math.cos(2 * Math.PI * 4 * inPeriod);
      out[i] = (short) Math.round(amplitude * 0.5 * syllable * v);
    }
    return out;
  }
}
