package dev.parley.media.audio;

/**
 * An immutable sound ready to play: 16-bit mono PCM at a given rate (a room's rate).
 *
 * <p>The sample array is owned by the prompt and never written after construction, so one prompt is
 * shared by every room and member that plays it.
 */
public final class Prompt {
  private final String name;
  private final int rateHz;
  private final short[] samples;

  public Prompt(String name, int rateHz, short[] samples) {
    if (rateHz <= 0) throw new IllegalArgumentException("rateHz must be positive: " + rateHz);
    this.name = name;
    this.rateHz = rateHz;
    this.samples = samples.clone();
  }

  public String name() {
    return name;
  }

  public int rateHz() {
    return rateHz;
  }

  public int length() {
    return samples.length;
  }

  /** The sample at {@code index}; the array itself is not handed out so nobody can change it. */
  public short sample(int index) {
    return samples[index];
  }

  /** Copies {@code count} samples from {@code from} into {@code out}; the caller keeps bounds. */
  public void copy(int from, short[] out, int outOffset, int count) {
    System.arraycopy(samples, from, out, outOffset, count);
  }

  public double durationSeconds() {
    return samples.length / (double) rateHz;
  }

  @Override
  public String toString() {
    return "Prompt[" + name + ", " + rateHz + " Hz, " + samples.length + " samples]";
  }
}
