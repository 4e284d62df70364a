package dev.parley.server.call;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts wrong PINs per source address and locks a source out once it has made too many within a
 * window, so nobody can try PINs by brute force (a 4-digit PIN falls to 10 000 guesses otherwise).
 * Thread-safe. At most about {@link #MAX_SOURCES} sources are remembered: when the table is full,
 * sources with no recent failure and no running lockout are forgotten first, so a flood of wrong
 * PINs from many addresses cannot grow the heap without bound.
 */
public final class PinLockout {
  /** Defaults: 10 wrong PINs within 10 minutes lock the source out for 15 minutes. */
  public static final int DEFAULT_FAILURES = 10;

  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(10);
  public static final Duration DEFAULT_LOCKOUT = Duration.ofMinutes(15);
  public static final int MAX_SOURCES = 10_000;

  private final int failures;
  private final Duration window;
  private final Duration lockout;
  private final Clock clock;
  private final ConcurrentHashMap<String, Source> sources = new ConcurrentHashMap<>();

  private static final class Source {
    final Deque<Instant> failures = new ArrayDeque<>();
    Instant lockedUntil = Instant.MIN;
  }

  public PinLockout(int failures, Duration window, Duration lockout, Clock clock) {
    this.failures = failures;
    this.window = window;
    this.lockout = lockout;
    this.clock = clock;
  }

  public static PinLockout defaults() {
    return new PinLockout(DEFAULT_FAILURES, DEFAULT_WINDOW, DEFAULT_LOCKOUT, Clock.systemUTC());
  }

  /** Whether calls from this address are refused now. */
  public boolean lockedOut(String address) {
    Source s = sources.get(address);
    if (s == null) return false;
    synchronized (s) {
      return clock.instant().isBefore(s.lockedUntil);
    }
  }

  /** Records a wrong PIN. @return true if this failure locked the source out */
  public boolean failed(String address) {
    if (sources.size() >= MAX_SOURCES && !sources.containsKey(address)) forgetStale(clock.instant());
    Source s = sources.computeIfAbsent(address, k -> new Source());
    synchronized (s) {
      Instant now = clock.instant();
      s.failures.addLast(now);
      while (!s.failures.isEmpty() && s.failures.peekFirst().isBefore(now.minus(window))) s.failures.removeFirst();
      if (s.failures.size() >= failures) {
        s.failures.clear();
        s.lockedUntil = now.plus(lockout);
        return true;
      }
      return false;
    }
  }

  /** Sources remembered now (for tests and metrics). */
  int size() {
    return sources.size();
  }

  /**
   * Drops sources whose failures are all older than the window and that are not locked out; if that
   * frees nothing (every source is active), the tenth seen least recently goes, keeping the table
   * bounded even under a flood.
   */
  private void forgetStale(Instant now) {
    Instant windowStart = now.minus(window);
    sources.entrySet().removeIf(e -> {
      Source s = e.getValue();
      synchronized (s) {
        boolean recent = !s.failures.isEmpty() && !s.failures.peekLast().isBefore(windowStart);
        return !recent && !now.isBefore(s.lockedUntil);
      }
    });
    if (sources.size() < MAX_SOURCES) return;
    sources.entrySet().stream()
        .sorted(java.util.Comparator.comparing((java.util.Map.Entry<String, Source> e) -> lastSeen(e.getValue())))
        .limit(sources.size() - MAX_SOURCES + MAX_SOURCES / 10) // a tenth at once: sweeps stay rare under a flood
        .map(java.util.Map.Entry::getKey)
        .toList()
        .forEach(sources::remove);
  }

  private static Instant lastSeen(Source s) {
    synchronized (s) {
      Instant last = s.failures.isEmpty() ? Instant.MIN : s.failures.peekLast();
      return last.isAfter(s.lockedUntil) ? last : s.lockedUntil;
    }
  }
}
