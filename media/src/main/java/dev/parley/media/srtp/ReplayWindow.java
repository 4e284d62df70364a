package dev.parley.media.srtp;

/**
 * The receiver's replay list of RFC 3711 §3.3.2: the highest index authenticated so far and a 64-packet
 * bit mask behind it (the minimum window size is 64). {@link #check} before authenticating, {@link
 * #accept} only after the tag verified, so a forged packet cannot move the window.
 */
final class ReplayWindow {
  static final int SIZE = 64;

  private boolean empty = true;
  private long highest;
  /** Bit d set: index {@code highest - d} was received. */
  private long seen;

  /** Whether {@code index} is new and not too old. */
  boolean check(long index) {
    if (empty || index > highest) return true;
    long behind = highest - index;
    if (behind >= SIZE) return false;
    return (seen & (1L << behind)) == 0;
  }

  void reset() {
    empty = true;
    highest = 0;
    seen = 0;
  }

  void accept(long index) {
    if (empty) {
      empty = false;
      highest = index;
      seen = 1;
    } else if (index > highest) {
      long ahead = index - highest;
      seen = ahead >= SIZE ? 1 : (seen << ahead) | 1;
      highest = index;
    } else {
      seen |= 1L << (highest - index);
    }
  }
}
