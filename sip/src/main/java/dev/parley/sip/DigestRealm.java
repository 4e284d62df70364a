package dev.parley.sip;

import java.time.Duration;
import java.util.Objects;

/**
 * How we challenge peers (RFC 3261 §22, RFC 7616): the realm we name and where passwords come from.
 *
 * @param realm the protection space shown to users, e.g. the server's domain
 * @param nonceLifetime how long a nonce stays good; an older one is answered with a fresh challenge
 *     marked {@code stale=true}, which clients retry without asking their user (RFC 7616 §3.3)
 * @param offerSha256 whether challenges offer SHA-256 besides MD5 (RFC 8760). Off for peers that
 *     give up on a response with any algorithm they lack: baresip 1.0 (libre) reads every
 *     WWW-Authenticate header and fails the REGISTER with ENOSYS ("Function not implemented") on the
 *     SHA-256 one, even when an MD5 one precedes it.
 */
public record DigestRealm(String realm, PasswordLookup passwords, Duration nonceLifetime, boolean offerSha256) {
  public DigestRealm {
    Objects.requireNonNull(realm, "realm");
    Objects.requireNonNull(passwords, "passwords");
    if (realm.isBlank() || realm.contains("\"")) throw new IllegalArgumentException("bad realm: " + realm);
    if (nonceLifetime.isNegative() || nonceLifetime.isZero()) throw new IllegalArgumentException("nonceLifetime");
  }

  /** A realm whose nonces last five minutes, challenging with MD5 and SHA-256. */
  public static DigestRealm of(String realm, PasswordLookup passwords) {
    return new DigestRealm(realm, passwords, Duration.ofMinutes(5), true);
  }

  /** This realm challenging with MD5 only (see {@code offerSha256}). */
  public DigestRealm md5Only() {
    return new DigestRealm(realm, passwords, nonceLifetime, false);
  }
}
