package dev.parley.sip;

import java.time.Duration;
import java.util.Objects;

/**
 * How the registrar treats REGISTER (RFC 3261 §10.3).
 *
 * @param minExpires shorter non-zero expiries are refused with 423 Interval Too Brief and a
 *     Min-Expires header (§10.3 step 7)
 * @param maxExpires longer ones are shortened to this (the 200 says so in each Contact's expires)
 * @param defaultExpires when neither the Contact nor the request has an Expires
 * @param listener told of every binding change
 */
public record RegistrarPolicy(Duration minExpires, Duration maxExpires, Duration defaultExpires, RegistrationListener listener) {
  public RegistrarPolicy {
    Objects.requireNonNull(listener, "listener");
    if (minExpires.isNegative() || maxExpires.compareTo(minExpires) < 0) {
      throw new IllegalArgumentException("need 0 <= minExpires <= maxExpires");
    }
    if (defaultExpires.compareTo(minExpires) < 0 || defaultExpires.compareTo(maxExpires) > 0) {
      throw new IllegalArgumentException("defaultExpires outside [minExpires, maxExpires]");
    }
  }

  /** Min 60 s (RFC 3261 §10.2.1.1 recommends at least that), max and default one hour. */
  public static RegistrarPolicy standard(RegistrationListener listener) {
    return new RegistrarPolicy(Duration.ofSeconds(60), Duration.ofHours(1), Duration.ofHours(1), listener);
  }
}
