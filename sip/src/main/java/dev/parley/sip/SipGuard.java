package dev.parley.sip;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the server defends itself against scanners and floods before any call logic runs.
 *
 * @param requestsPerSecond requests outside a dialog (INVITE, REGISTER, OPTIONS, ...; not ACK or
 *     CANCEL) that one source IP address may send per second on average; 0 turns the limit off
 * @param burst how many such requests a source may send at once before the average applies
 * @param retryAfterSeconds the {@code Retry-After} of the 503 a source over its limit gets
 * @param refuseUserAgents case-insensitive substrings of {@code User-Agent}; a request whose user
 *     agent contains one is refused with 403 (known scanners: friendly-scanner, sipvicious, ...)
 * @param guessLimit wrong digest credentials from one source within {@code guessWindow} that lock
 *     the source out
 * @param guessWindow the window of {@code guessLimit}
 * @param lockout how long a locked-out source is refused (403) without its credentials being checked
 */
public record SipGuard(double requestsPerSecond, int burst, int retryAfterSeconds, List<String> refuseUserAgents,
    int guessLimit, Duration guessWindow, Duration lockout) {

  /** The user agents of well-known SIP scanners and war-dialers. */
  public static final List<String> SCANNER_USER_AGENTS = List.of(
      "friendly-scanner", "sipvicious", "sipcli", "vaxsipuseragent", "sip-scan", "sipsak", "sundayddr",
      "iwar", "smap", "pplsip", "sipptk", "sipscan", "voip-scanner");

  public SipGuard {
    if (!(requestsPerSecond >= 0)) throw new IllegalArgumentException("requestsPerSecond " + requestsPerSecond);
    if (requestsPerSecond > 0 && burst < 1) throw new IllegalArgumentException("burst " + burst);
    if (retryAfterSeconds < 0) throw new IllegalArgumentException("retryAfterSeconds " + retryAfterSeconds);
    refuseUserAgents = List.copyOf(refuseUserAgents);
    if (guessLimit < 1) throw new IllegalArgumentException("guessLimit " + guessLimit);
    Objects.requireNonNull(guessWindow, "guessWindow");
    Objects.requireNonNull(lockout, "lockout");
  }

  /**
   * 20 requests per second, bursts of 100 (a busy trunk stays far below), Retry-After 5 s, the
   * scanners refused, 10 wrong passwords in 10 minutes lock a source out for 15 minutes.
   */
  public static SipGuard defaults() {
    return new SipGuard(20, 100, 5, SCANNER_USER_AGENTS, 10, Duration.ofMinutes(10), Duration.ofMinutes(15));
  }

  /** Nothing limited, nobody refused (tests of other things, benchmarks). */
  public static SipGuard off() {
    return new SipGuard(0, 0, 0, List.of(), Integer.MAX_VALUE, Duration.ofMinutes(10), Duration.ZERO);
  }

  public SipGuard withRate(double perSecond, int burst, int retryAfterSeconds) {
    return new SipGuard(perSecond, burst, retryAfterSeconds, refuseUserAgents, guessLimit, guessWindow, lockout);
  }

  public SipGuard withRefusedUserAgents(List<String> agents) {
    return new SipGuard(requestsPerSecond, burst, retryAfterSeconds, agents, guessLimit, guessWindow, lockout);
  }

  public SipGuard withGuessLockout(int limit, Duration window, Duration lockout) {
    return new SipGuard(requestsPerSecond, burst, retryAfterSeconds, refuseUserAgents, limit, window, lockout);
  }
}
