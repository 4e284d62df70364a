package dev.parley.sip;

import java.time.Duration;
import java.util.Objects;

/**
 * How we challenge peers (RFC 3261 §22, RFC 7616): the realm we name and where passwords come from.
 *
 * @param realm the protection space shown to users, e.g. the server's domain
 * @param nonceLifetime how long a nonce stays good; an older one is answered with a fresh challenge
 *     marked {@code stale=true}, which clients retry without asking their user (RFC 7616 §3.3)
 */
public record DigestRealm(String realm, PasswordLookup passwords, Duration nonceLifetime) {
  public DigestRealm {
    Objects.requireNonNull(realm, "realm");
    Objects.requireNonNull(passwords, "passwords");
    if (realm.isBlank() || realm.contains("\"")) throw new IllegalArgumentException("bad realm: " + realm);
    if (nonceLifetime.isNegative() || nonceLifetime.isZero()) throw new IllegalArgumentException("nonceLifetime");
  }

  /** A realm whose nonces last five minutes. */
  public static DigestRealm of(String realm, PasswordLookup passwords) {
    return new DigestRealm(realm, passwords, Duration.ofMinutes(5));
  }
}
