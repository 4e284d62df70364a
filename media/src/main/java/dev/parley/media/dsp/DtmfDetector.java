package dev.parley.media.dsp;

/**
 * In-band DTMF detection (ITU-T Q.23 frequencies, Q.24 acceptance) on 16-bit linear PCM, for callers
 * whose SDP negotiated no telephone-event.
 *
 * <p>Eight Goertzel filters run over blocks of about 12.75 ms (102 samples at 8 kHz, the block length
 * Asterisk and spandsp use: short enough to resolve a 40 ms tone, long enough to separate the row
 * frequencies 73 Hz apart). A block "hits" a key when all of these hold:
 *
 * <ul>
 *   <li>the strongest row and column tones each reach {@link #MIN_TONE_PEAK} (about -36 dBFS);
 *   <li>twist: the row tone is at most 8 dB louder than the column tone, and at most 4 dB quieter
 *       (the high group loses more on a line, so the allowance is lopsided);
 *   <li>each winner is 8 dB above the runner-up of its group;
 *   <li>the two tones carry at least {@link #MIN_TONE_SHARE} of the block's energy, which is what
 *       rejects speech and music: their energy spreads over many harmonics.
 * </ul>
 *
 * A digit starts after {@link #MIN_BLOCKS} consecutive hits of one key (25.5 ms of full blocks, so
 * any tone of 40 ms or more is caught while Q.24's 23 ms rejection is kept) and ends after
 * {@link #MIN_GAP_BLOCKS} blocks without it, which bridges a single bad block and is also the
 * inter-digit gap a second press needs. The digit is reported when it ends, once.
 *
 * <p>One instance per stream, used by one thread; {@link #process} allocates nothing.
 */
public final class DtmfDetector {
  /** Receives each detected digit when it ends. Called on the thread that calls {@link #process}. */
  @FunctionalInterface
  public interface Listener {
    void onDigit(char digit, int durationMillis);
  }

  static final double[] ROW_HZ = {697, 770, 852, 941};
  static final double[] COL_HZ = {1209, 1336, 1477, 1633};
  private static final String KEYS = "123A456B789C*0#D";

  /** Peak amplitude of the weakest tone accepted: -36 dBFS, below Q.24's weakest valid signal. */
  static final double MIN_TONE_PEAK = 520;
  /** 10^(8/10): row over column. */
  private static final double NORMAL_TWIST = 6.31;
  /** 10^(4/10): column over row. */
  private static final double REVERSE_TWIST = 2.51;
  /** 10^(8/10): winner over runner-up in a group. */
  private static final double RELATIVE_PEAK = 6.31;
  static final double MIN_TONE_SHARE = 0.6;
  static final int MIN_BLOCKS = 2;
  static final int MIN_GAP_BLOCKS = 2;

  private final Listener listener;
  private final int rateHz;
  private final int blockSamples;
  private final double minToneEnergy;
  private final double[] coeff = new double[8];
  private final double[] s1 = new double[8];
  private final double[] s2 = new double[8];
  private double blockEnergy;
  private int position;

  private char candidate;
  private int candidateBlocks;
  private char current;
  private int currentBlocks;
  private int missBlocks;

  /** @param rateHz sample rate of the PCM that {@link #process} gets */
  public DtmfDetector(int rateHz, Listener listener) {
    if (rateHz < 4000) throw new IllegalArgumentException("DTMF needs at least 4000 Hz: " + rateHz);
    this.rateHz = rateHz;
    this.listener = listener;
    this.blockSamples = 102 * rateHz / 8000;
    // A sine of peak A gives 2|X|^2/N = N A^2 / 2, the same scale as the sum of squares of the block.
    this.minToneEnergy = blockSamples * MIN_TONE_PEAK * MIN_TONE_PEAK / 2;
    for (int i = 0; i < 4; i++) {
      coeff[i] = 2 * Math.cos(2 * Math.PI * ROW_HZ[i] / rateHz);
      coeff[4 + i] = 2 * Math.cos(2 * Math.PI * COL_HZ[i] / rateHz);
    }
  }

  /** Samples per analysis block: 102 at 8 kHz. */
  public int blockSamples() {
    return blockSamples;
  }

  /** Feeds {@code count} samples; digits that end within them go to the listener. */
  public void process(short[] pcm, int offset, int count) {
    for (int i = offset, end = offset + count; i < end; i++) {
      double x = pcm[i];
      blockEnergy += x * x;
      for (int f = 0; f < 8; f++) {
        double s0 = x + coeff[f] * s1[f] - s2[f];
        s2[f] = s1[f];
        s1[f] = s0;
      }
      if (++position == blockSamples) endBlock();
    }
  }

  /** Forgets any tone in progress without reporting it (the stream was reset or re-negotiated). */
  public void reset() {
    clearFilters();
    candidate = 0;
    candidateBlocks = 0;
    current = 0;
    currentBlocks = 0;
    missBlocks = 0;
  }

  private void endBlock() {
    char hit = classify();
    clearFilters();
    if (current != 0) {
      if (hit == current) {
        currentBlocks++;
        missBlocks = 0;
      } else if (++missBlocks >= MIN_GAP_BLOCKS) {
        char digit = current;
        int millis = currentBlocks * blockSamples * 1000 / rateHz;
        current = 0;
        candidate = 0;
        candidateBlocks = 0;
        listener.onDigit(digit, millis);
      }
      return;
    }
    if (hit != 0 && hit == candidate) {
      if (++candidateBlocks >= MIN_BLOCKS) {
        current = hit;
        currentBlocks = candidateBlocks;
        missBlocks = 0;
      }
    } else {
      candidate = hit;
      candidateBlocks = hit == 0 ? 0 : 1;
    }
  }

  private void clearFilters() {
    for (int f = 0; f < 8; f++) {
      s1[f] = 0;
      s2[f] = 0;
    }
    blockEnergy = 0;
    position = 0;
  }

  /** The key this block shows, or 0. */
  private char classify() {
    int row = strongest(0);
    int col = strongest(4);
    double rowEnergy = energy(row);
    double colEnergy = energy(col);
    if (rowEnergy < minToneEnergy || colEnergy < minToneEnergy) return 0;
    if (rowEnergy > colEnergy * NORMAL_TWIST || colEnergy > rowEnergy * REVERSE_TWIST) return 0;
    for (int f = 0; f < 4; f++) {
      if (f != row && energy(f) * RELATIVE_PEAK > rowEnergy) return 0;
      if (f + 4 != col && energy(f + 4) * RELATIVE_PEAK > colEnergy) return 0;
    }
    if (rowEnergy + colEnergy < MIN_TONE_SHARE * blockEnergy) return 0;
    return KEYS.charAt(row * 4 + (col - 4));
  }

  private int strongest(int first) {
    int best = first;
    for (int f = first + 1; f < first + 4; f++) {
      if (energy(f) > energy(best)) best = f;
    }
    return best;
  }

  /** The filter's power, scaled to the block's sum of squares (see the constructor). */
  private double energy(int f) {
    double p = s1[f] * s1[f] + s2[f] * s2[f] - coeff[f] * s1[f] * s2[f];
    return 2 * p / blockSamples;
  }
}
