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
 * <p>A block is analysed when it is complete: its energy first, and the filters only if it is loud
 * enough to hold a key, so a silent member costs one pass over its samples.
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
  /** Goertzel state of the last block, filled by {@link #analyse}. */
  private final double[] s1 = new double[8];
  private final double[] s2 = new double[8];
  /** The samples of the block in progress: analysed when it is full, so a quiet block costs one pass. */
  private final short[] block;
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
    this.block = new short[blockSamples];
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
    int i = offset;
    int end = offset + count;
    while (i < end) {
      int n = Math.min(end - i, blockSamples - position);
      System.arraycopy(pcm, i, block, position, n);
      position += n;
      i += n;
      if (position == blockSamples) endBlock();
    }
  }

  /** Forgets any tone in progress without reporting it (the stream was reset or re-negotiated). */
  public void reset() {
    position = 0;
    candidate = 0;
    candidateBlocks = 0;
    current = 0;
    currentBlocks = 0;
    missBlocks = 0;
  }

  private void endBlock() {
    char hit = analyse() ? classify() : 0;
    position = 0;
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

  /**
   * Measures the full block: its energy, and the eight Goertzel filters unless the block is too quiet
   * to hold a key (the common case for a member who is not speaking).
   *
   * @return false if no key can be in this block
   */
  private boolean analyse() {
    double energy = 0;
    for (int i = 0; i < blockSamples; i++) {
      double x = block[i];
      energy += x * x;
    }
    blockEnergy = energy;
    // One tone's 2|X|^2/N is at most twice the block's sum of squares (Cauchy-Schwarz), and a key needs
    // two tones of minToneEnergy each: below this the filters cannot pass classify().
    if (energy * 2 < minToneEnergy) return false;
    goertzel();
    return true;
  }

  /**
   * The eight Goertzel filters over the block. The state lives in locals so that the JIT keeps it in
   * registers (through arrays it was a load and two stores per filter and sample, a quarter of a media
   * thread's time with a thousand members), all eight in one loop so that their recurrences overlap,
   * and each step is one fused multiply-add on a chain that does not wait for {@code x - s2}.
   */
  private void goertzel() {
    double c0 = coeff[0], c1 = coeff[1], c2 = coeff[2], c3 = coeff[3];
    double c4 = coeff[4], c5 = coeff[5], c6 = coeff[6], c7 = coeff[7];
    double a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0; // s1 of each filter
    double b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0, b7 = 0; // s2 of each filter
    for (int i = 0; i < blockSamples; i++) {
      double x = block[i];
      double n0 = Math.fma(c0, a0, x - b0);
      double n1 = Math.fma(c1, a1, x - b1);
      double n2 = Math.fma(c2, a2, x - b2);
      double n3 = Math.fma(c3, a3, x - b3);
      double n4 = Math.fma(c4, a4, x - b4);
      double n5 = Math.fma(c5, a5, x - b5);
      double n6 = Math.fma(c6, a6, x - b6);
      double n7 = Math.fma(c7, a7, x - b7);
      b0 = a0; b1 = a1; b2 = a2; b3 = a3; b4 = a4; b5 = a5; b6 = a6; b7 = a7;
      a0 = n0; a1 = n1; a2 = n2; a3 = n3; a4 = n4; a5 = n5; a6 = n6; a7 = n7;
    }
    s1[0] = a0; s1[1] = a1; s1[2] = a2; s1[3] = a3; s1[4] = a4; s1[5] = a5; s1[6] = a6; s1[7] = a7;
    s2[0] = b0; s2[1] = b1; s2[2] = b2; s2[3] = b3; s2[4] = b4; s2[5] = b5; s2[6] = b6; s2[7] = b7;
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
