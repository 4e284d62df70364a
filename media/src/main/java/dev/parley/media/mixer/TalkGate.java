package dev.parley.media.mixer;

/**
 * The energy gate with hangover for one member: a frame is mixed while its energy reaches the room's
 * {@code energy-level}, and for {@link #HANGOVER_FRAMES} frames after it drops, so word endings and
 * short pauses are not chopped. The same state tells whether the member is talking.
 *
 * <p>Used by one media thread only.
 */
public final class TalkGate {
  /** About 200 ms at 20 ms frames. */
  public static final int HANGOVER_FRAMES = 10;

  private int hangover;

  /**
   * Feeds one frame's energy and returns whether the frame passes the gate.
   *
   * @param energyLevel the threshold; 0 lets every frame through
   */
  public boolean pass(int energy, int energyLevel) {
    if (energy >= energyLevel) {
      hangover = HANGOVER_FRAMES;
      return true;
    }
    if (hangover > 0) {
      hangover--;
      return true;
    }
    return false;
  }

  /** True while the gate is open (the member is talking). */
  public boolean open() {
    return hangover > 0;
  }

  public void reset() {
    hangover = 0;
  }
}
