package dev.parley.sip.guard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts wrong digest credentials per source address and locks a source out once it has made
 * {@code limit} of them within {@code window}: a password guesser then gets 403 without its guesses
 * being checked. Thread-safe; at most {@link #MAX_SOURCES} sources are remembered (the oldest
 * unlocked ones are forgotten first), so guessing from many addresses cannot exhaust memory.
 */
public final class GuessLockout {
  public static final int MAX_SOURCES = 10_000;

  private final int limit;
  private final Duration window;
  private final Duration lockout;
  private final Clock clock;
  private final Map<String, Source> sources = new HashMap<>();

  private static final class Source {
    final Deque<Instant> failures = new ArrayDeque<>();
    Instant lockedUntil = Instant.MIN;
  }

  public GuessLockout(int limit, Duration window, Duration lockout, Clock clock) {
    if (limit < 1) throw new IllegalArgumentException("limit " + limit);
    this.limit = limit;
    this.window = window;
    this.lockout = lockout;
    this.clock = clock;
  }

  /** Whether credentials from {@code address} are refused unchecked now. */
  public synchronized boolean lockedOut(String address) {
    Source s = sources.get(address);
    return s != null && clock.instant().isBefore(s.lockedUntil);
  }

  /** Records wrong credentials from {@code address}. @return true if this one locked it out */
  public synchronized boolean failed(String address) {
    Instant now = clock.instant();
    Source s = sources.get(address);
    if (s == null) {
      if (sources.size() >= MAX_SOURCES) forgetStale(now);
      s = new Source();
      sources.put(address, s);
    }
    s.failures.addLast(now);
    while (!s.failures.isEmpty() && s.failures.peekFirst().isBefore(now.minus(window))) s.failures.removeFirst();
    if (s.failures.size() < limit) return false;
    s.failures.clear();
    s.lockedUntil = now.plus(lockout);
    return true;
  }

  /** How many sources are remembered (for tests of the bound). */
  public synchronized int sources() {
    return sources.size();
  }

  private void forgetStale(Instant now) {
    sources.values().removeIf(s -> !now.isBefore(s.lockedUntil)
        && (s.failures.isEmpty() || s.failures.peekLast().isBefore(now.minus(window))));
    if (sources.size() >= MAX_SOURCES) sources.values().removeIf(s -> !now.isBefore(s.lockedUntil));
  }
}
