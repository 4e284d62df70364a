package dev.parley.server.schedule;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Who a caller to a scheduled room is (seed 002: "check the identity of the caller from the database"):
 * the listed person whose number is the caller's number or the extension it authenticated as, else the
 * one whose PIN it gave. PINs are compared in constant time.
 */
public final class CallerLookup {
  private CallerLookup() {}

  /**
   * @param callerNumber the From user part; may be null
   * @param extension the extension the caller authenticated as; may be null
   * @param pin the PIN the caller gave ({@code ROOM*PIN} or keyed); may be null
   * @return the participant, or null for somebody not listed
   */
  public static Participant find(Schedule s, String callerNumber, String extension, String pin) {
    for (Participant p : s.participants()) {
      if (p.number() == null) continue;
      if (p.number().equals(extension) || p.number().equals(callerNumber)) return p;
    }
    if (pin == null || pin.isEmpty()) return null;
    Participant found = null;
    byte[] given = pin.getBytes(StandardCharsets.US_ASCII);
    // Every PIN is compared, so the time does not tell which one (or how much of it) matched.
    for (Participant p : s.participants()) {
      if (p.pin() == null) continue;
      if (MessageDigest.isEqual(p.pin().getBytes(StandardCharsets.US_ASCII), given) && found == null) found = p;
    }
    return found;
  }

  /** Whether anybody in {@code s} could be recognised by a PIN. */
  public static boolean hasPins(Schedule s) {
    for (Participant p : s.participants()) if (p.pin() != null) return true;
    return false;
  }
}
