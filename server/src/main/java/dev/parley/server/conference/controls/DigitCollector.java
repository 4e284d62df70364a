package dev.parley.server.conference.controls;

/**
 * Collects digits for a PIN or a number: up to {@code maxDigits}, ended by the terminator or by
 * reaching the maximum. Not thread-safe; the owner feeds digits and handles the timeout.
 */
public final class DigitCollector {
  private final int maxDigits;
  private final char terminator;
  private final StringBuilder digits = new StringBuilder();

  public DigitCollector(int maxDigits, char terminator) {
    this.maxDigits = maxDigits;
    this.terminator = terminator;
  }

  /** @return the collected digits (without the terminator) when complete, else null */
  public String press(char digit) {
    if (digit == terminator) return digits.toString();
    digits.append(digit);
    return digits.length() >= maxDigits ? digits.toString() : null;
  }

  public String soFar() {
    return digits.toString();
  }
}
