package dev.parley.sip;

import dev.parley.sip.digest.DigestAlgorithm;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How we challenge peers (RFC 3261 §22, RFC 7616): the realm we name and where passwords come from.
 *
 * @param realm the protection space shown to users, e.g. the server's domain
 * @param nonceLifetime how long a nonce stays good; an older one is answered with a fresh challenge
 *     marked {@code stale=true}, which clients retry without asking their user (RFC 7616 §3.3)
 * @param offered the algorithms we challenge with, one header each in this order, and the only ones
 *     an answer may use (RFC 8760). SHA-256 is left out for peers that give up on a challenge with an
 *     algorithm they lack: baresip 1.0 (libre) reads every WWW-Authenticate header and fails the
 *     REGISTER with ENOSYS ("Function not implemented") on the SHA-256 one, even when an MD5 one
 *     precedes it. A SHA-256-only realm refuses MD5 answers, so a stolen MD5 exchange is no use.
 */
public record DigestRealm(String realm, PasswordLookup passwords, Duration nonceLifetime, List<DigestAlgorithm> offered) {
  public DigestRealm {
    Objects.requireNonNull(realm, "realm");
    Objects.requireNonNull(passwords, "passwords");
    if (realm.isBlank() || realm.contains("\"")) throw new IllegalArgumentException("bad realm: " + realm);
    if (nonceLifetime.isNegative() || nonceLifetime.isZero()) throw new IllegalArgumentException("nonceLifetime");
    offered = List.copyOf(offered);
    if (offered.isEmpty() || offered.stream().distinct().count() != offered.size()) {
      throw new IllegalArgumentException("offered: one or more distinct algorithms, got " + offered);
    }
  }

  /**
   * A realm whose nonces last five minutes, challenging with MD5 and SHA-256. MD5 comes first
   * although RFC 7616 §3.7 asks for the preferred one first: clients that answer only the first
   * challenge they read (SIPp 3.6) would otherwise fail, while clients that read them all pick
   * SHA-256 anyway (RFC 8760 §2.4).
   */
  public static DigestRealm of(String realm, PasswordLookup passwords) {
    return new DigestRealm(realm, passwords, Duration.ofMinutes(5), List.of(DigestAlgorithm.MD5, DigestAlgorithm.SHA_256));
  }

  /** This realm challenging with MD5 only (see {@code offered}). */
  public DigestRealm md5Only() {
    return offering(List.of(DigestAlgorithm.MD5));
  }

  /** This realm challenging with {@code algorithms}, in that order, and accepting only them. */
  public DigestRealm offering(List<DigestAlgorithm> algorithms) {
    return new DigestRealm(realm, passwords, nonceLifetime, algorithms);
  }
}
