package dev.parley.bench;

/** Test frames for the benchmarks: deterministic, so every run mixes the same audio. */
final class Frames {
  private Frames() {}

  /** A sine of {@code frequencyHz} at {@code amplitude} (0..32767), {@code count} samples. */
  static short[] tone(int count, int rateHz, double frequencyHz, int amplitude) {
    short[] s = new short[count];
    for (int i = 0; i < count; i++) {
      s[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * frequencyHz * i / rateHz));
    }
    return s;
  }

  /** Uniform noise in [-peak, peak], seeded, for members below the energy gate. */
  static short[] noise(int count, int peak, long seed) {
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    short[] s = new short[count];
    for (int i = 0; i < count; i++) s[i] = (short) r.nextInt(-peak, peak + 1);
    return s;
  }
}
