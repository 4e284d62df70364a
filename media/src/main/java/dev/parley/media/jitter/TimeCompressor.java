package dev.parley.media.jitter;

/**
 * Shortens a block of audio by a few samples, which is how the jitter buffer lowers its delay without
 * dropping whole frames: the samples are taken out where the block is quietest, with a linear
 * cross-fade over the cut so there is no step in the waveform.
 *
 * <p>Stateless; no allocation.
 */
final class TimeCompressor {
  private TimeCompressor() {}

  /**
   * Writes {@code inCount - remove} samples to {@code out[outOff..]}: {@code in[0..inCount)} with
   * {@code remove} samples cross-faded out.
   *
   * @param remove at most {@code inCount / 2}
   */
  static void compress(short[] in, int inCount, int remove, short[] out, int outOff) {
    if (remove == 0) {
      System.arraycopy(in, 0, out, outOff, inCount);
      return;
    }
    int span = 2 * remove; // the fade reads remove samples on each side of the cut
    int at = quietest(in, inCount, span);
    System.arraycopy(in, 0, out, outOff, at);
    for (int w = 0; w < remove; w++) {
      int fadingOut = in[at + w];
      int fadingIn = in[at + remove + w];
      out[outOff + at + w] = (short) ((fadingOut * (remove - w) + fadingIn * w) / remove);
    }
    System.arraycopy(in, at + span, out, outOff + at + remove, inCount - at - span);
  }

  /** The start of the {@code span}-sample window with the least absolute amplitude. */
  static int quietest(short[] in, int inCount, int span) {
    long sum = 0;
    for (int i = 0; i < span; i++) sum += Math.abs(in[i]);
    long best = sum;
    int bestAt = 0;
    for (int at = 1; at + span <= inCount; at++) {
      sum += Math.abs(in[at + span - 1]) - Math.abs(in[at - 1]);
      if (sum < best) {
        best = sum;
        bestAt = at;
      }
    }
    return bestAt;
  }
}
