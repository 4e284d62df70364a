package dev.parley.server.conference;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The PINs of a room. Comparison takes the same time whatever the digits, so timing tells an attacker
 * nothing about how close a guess was.
 *
 * @param pin every caller's PIN, or null
 * @param moderatorPin the moderator's PIN, or null
 * @param tries wrong PINs allowed before the caller is hung up
 */
public record Pins(String pin, String moderatorPin, int tries) {
  public static final Pins NONE = new Pins(null, null, 3);

  /** What an entered PIN makes of the caller. */
  public enum Result {
    MEMBER,
    MODERATOR,
    WRONG
  }

  /** Whether callers are asked for a PIN at all. */
  public boolean required() {
    return pin != null || moderatorPin != null;
  }

  public Result check(String entered) {
    String e = entered == null ? "" : entered;
    // Evaluate both comparisons always, so the time does not depend on which PIN matched.
    boolean moderator = constantTimeEquals(moderatorPin, e) & moderatorPin != null;
    boolean member = constantTimeEquals(pin, e) & pin != null;
    if (moderator) return Result.MODERATOR;
    if (member) return Result.MEMBER;
    // With only a moderator PIN, an empty entry (just #) joins as a plain member.
    if (pin == null && e.isEmpty()) return Result.MEMBER;
    return Result.WRONG;
  }

  private static boolean constantTimeEquals(String expected, String entered) {
    if (expected == null) expected = "";
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII), entered.getBytes(StandardCharsets.US_ASCII));
  }
}
