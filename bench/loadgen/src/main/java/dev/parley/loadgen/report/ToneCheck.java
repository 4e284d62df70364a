package dev.parley.loadgen.report;

import dev.parley.testkit.Goertzel;

/**
 * Whether a member heard what it should, from a recording of what it received: in a conference
 * (mix-minus) every talking room-mate's tone and not its own; from an echo target its own tone and
 * no other.
 *
 * <p>Levels are Goertzel levels over the whole recording in dBFS. A tone counts as heard at
 * {@value #HEARD_DB} dBFS or more and as absent at {@value #ABSENT_DB} or less; the members send at
 * about -24 dBFS, so the margins are wide either way, and a level in between fails as unclear.
 * Needs at least {@value #MIN_SAMPLES} samples (a quarter second, where a 25 Hz neighbour is already
 * far down the Hann window's skirt).
 */
public final class ToneCheck {

  public static final double HEARD_DB = -40;
  public static final double ABSENT_DB = -55;
  public static final int MIN_SAMPLES = 2000;
  private static final int RATE_HZ = 8000;

  /** What a member should hear. */
  public enum Expect {
    /** A conference: the others, not itself. */
    MIX_MINUS,
    /** An echo: itself, not the others. */
    ECHO
  }

  /**
   * The verdict for one member. {@code ownDb} is NaN for a member that sent no tone; {@code
   * weakestExpectedDb} and {@code loudestUnexpectedDb} are NaN when nothing was expected or
   * forbidden.
   */
  public record Result(boolean pass, double ownDb, double weakestExpectedDb, double loudestUnexpectedDb, String reason) {}

  private ToneCheck() {}

  /**
   * @param pcm what the member received, decoded, {@code [0, length)}
   * @param ownHz the member's own tone, or 0 if it sent none
   * @param mateHz the tones of its talking room-mates (not its own)
   */
  public static Result check(short[] pcm, int length, int ownHz, int[] mateHz, Expect expect) {
    if (length < MIN_SAMPLES) {
      return new Result(false, Double.NaN, Double.NaN, Double.NaN, "only " + length + " samples received");
    }
    double own = ownHz > 0 ? Goertzel.levelDb(pcm, 0, length, RATE_HZ, ownHz) : Double.NaN;
    double weakestMate = Double.POSITIVE_INFINITY, loudestMate = Double.NEGATIVE_INFINITY;
    for (int f : mateHz) {
      double db = Goertzel.levelDb(pcm, 0, length, RATE_HZ, f);
      weakestMate = Math.min(weakestMate, db);
      loudestMate = Math.max(loudestMate, db);
    }
    boolean anyMate = mateHz.length > 0;
    double expectedMin, unexpectedMax;
    if (expect == Expect.MIX_MINUS) {
      expectedMin = anyMate ? weakestMate : Double.NaN;
      unexpectedMax = own;
    } else {
      expectedMin = own;
      unexpectedMax = anyMate ? loudestMate : Double.NaN;
    }
    String reason = "";
    if (!Double.isNaN(expectedMin) && expectedMin < HEARD_DB) {
      reason = (expect == Expect.MIX_MINUS ? "a room-mate" : "its own echo") + " is at " + fmt(expectedMin) + " dBFS";
    } else if (!Double.isNaN(unexpectedMax) && unexpectedMax > ABSENT_DB) {
      reason = (expect == Expect.MIX_MINUS ? "it hears itself" : "it hears another member") + " at " + fmt(unexpectedMax) + " dBFS";
    }
    return new Result(reason.isEmpty(), own, expectedMin, unexpectedMax, reason);
  }

  private static String fmt(double db) {
    return String.format("%.1f", db);
  }
}
