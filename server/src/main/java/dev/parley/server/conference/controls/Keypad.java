package dev.parley.server.conference.controls;

import dev.parley.server.config.ControlBinding;

/**
 * Matches one member's digits against a {@link ControlMap}, prefix-aware: when the digits so far are
 * both a sequence and the start of a longer one ({@code *} and {@code *1}), it waits for the next
 * digit until the deadline, then runs the shorter one. Not thread-safe; time is passed in, so it is
 * tested without sleeping.
 */
public final class Keypad {
  /** What a digit or a timeout led to. */
  public sealed interface Outcome {
    /** Nothing to run; no timer needed. */
    record Idle() implements Outcome {}

    /** Waiting for more digits: call {@link #timeout} at {@code deadlineMillis} unless a digit comes. */
    record Waiting(long deadlineMillis) implements Outcome {}

    /** Run this. */
    record Run(String sequence, ControlBinding.Target target) implements Outcome {}
  }

  private static final Outcome IDLE = new Outcome.Idle();

  private ControlMap map;
  private final long timeoutMillis;
  private final StringBuilder digits = new StringBuilder();
  private long deadlineMillis;

  public Keypad(ControlMap map, long timeoutMillis) {
    this.map = map;
    this.timeoutMillis = timeoutMillis;
  }

  /** Changes the map (a member became a moderator); digits pressed so far are dropped. */
  public void use(ControlMap newMap) {
    map = newMap;
    digits.setLength(0);
  }

  public Outcome press(char digit, long nowMillis) {
    // A pending shorter match whose deadline passed runs before this digit starts a new sequence.
    if (!digits.isEmpty() && nowMillis >= deadlineMillis) {
      Outcome late = timeout(nowMillis);
      if (late instanceof Outcome.Run) {
        digits.append(digit);
        Outcome next = resolve(nowMillis);
        // Only one action per call: the late one; this digit stays pending if it leads somewhere.
        if (next instanceof Outcome.Run run) {
          pendingRun = run;
        }
        return late;
      }
    }
    digits.append(digit);
    return resolve(nowMillis);
  }

  private Outcome.Run pendingRun;

  /**
   * An action that became due while another was returned (two in one press). Callers run it after the
   * one {@link #press} returned; null when there is none.
   */
  public Outcome.Run takePending() {
    Outcome.Run r = pendingRun;
    pendingRun = null;
    return r;
  }

  private Outcome resolve(long nowMillis) {
    while (!digits.isEmpty()) {
      String s = digits.toString();
      ControlBinding.Target exact = map.exact(s);
      boolean longer = map.continues(s);
      if (exact != null && !longer) {
        digits.setLength(0);
        return new Outcome.Run(s, exact);
      }
      if (longer) {
        deadlineMillis = nowMillis + timeoutMillis;
        return new Outcome.Waiting(deadlineMillis);
      }
      // No sequence starts like this: drop the oldest digit and see whether the rest starts one
      // (a stray digit before a real command must not swallow it).
      digits.deleteCharAt(0);
    }
    return IDLE;
  }

  /** The inter-digit timer fired: run the longest sequence pressed so far, if it is bound. */
  public Outcome timeout(long nowMillis) {
    if (digits.isEmpty() || nowMillis < deadlineMillis) {
      return digits.isEmpty() ? IDLE : new Outcome.Waiting(deadlineMillis);
    }
    String s = digits.toString();
    digits.setLength(0);
    ControlBinding.Target exact = map.exact(s);
    return exact == null ? IDLE : new Outcome.Run(s, exact);
  }

  /** The digits pressed and not yet resolved. */
  public String pending() {
    return digits.toString();
  }
}
