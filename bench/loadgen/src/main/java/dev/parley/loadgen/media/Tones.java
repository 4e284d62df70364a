package dev.parley.loadgen.media;

/**
 * The tone each member of a room sends in tone mode, so that what a member hears can be taken apart
 * with Goertzel: member {@code i} of a room sends {@code FREQUENCIES_HZ[i % 10]}.
 *
 * <p>The ten frequencies lie in the telephone band (300-3400 Hz) and were chosen by a search so that
 * none is within {@value #MIN_SEPARATION_HZ} Hz of another, of the 2nd to 4th harmonic of another,
 * or of a 2nd/3rd-order intermodulation product (f+g, |f-g|, 2f-g) of two others. The mix is a linear
 * sum, but G.711 quantisation and the soft limiter are not, and their products must not land on a
 * member's own frequency and read as "hears itself".
 */
public final class Tones {

  /** Member {@code i} of a room sends {@code FREQUENCIES_HZ[i % FREQUENCIES_HZ.length]}. */
  private static final int[] FREQUENCIES_HZ = {641, 812, 844, 1546, 1820, 1974, 2894, 2949, 3212, 3340};

  /** What the frequency search guaranteed; {@code TonesTest} checks it. */
  public static final int MIN_SEPARATION_HZ = 25;

  private Tones() {}

  /** How many members of one room can have a tone of their own. */
  public static int distinct() {
    return FREQUENCIES_HZ.length;
  }

  /** The frequency of the member at {@code indexInRoom} (0-based). */
  public static int frequencyHz(int indexInRoom) {
    return FREQUENCIES_HZ[indexInRoom % FREQUENCIES_HZ.length];
  }
}
