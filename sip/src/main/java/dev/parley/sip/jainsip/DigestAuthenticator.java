package dev.parley.sip.jainsip;

import dev.parley.sip.DigestRealm;
import dev.parley.sip.digest.Digest;
import dev.parley.sip.digest.DigestAlgorithm;
import dev.parley.sip.digest.DigestCredentials;
import dev.parley.sip.digest.Nonces;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The server side of digest authentication (RFC 3261 §22.1, §22.3; RFC 7616): verifies the
 * credentials in a request and writes challenges. The password lookup may block, so call it from a
 * virtual thread, never the stack's.
 */
final class DigestAuthenticator {

  /** What a request's credentials turned out to be. */
  sealed interface Verdict {
    /** No credentials for our realm: challenge. */
    record Missing() implements Verdict {}

    /** Right password, but the nonce is too old: challenge again with stale=true. */
    record Stale() implements Verdict {}

    /** Credentials for our realm that are wrong, for an unknown user, or with a forged nonce. */
    record Failed(String user) implements Verdict {}

    record Authenticated(String user) implements Verdict {}
  }

  /**
   * The algorithms we challenge with, in the order of the headers. MD5 comes first although RFC 7616
   * §3.7 asks for the preferred one first: clients that answer only the first challenge they read
   * (SIPp 3.6) would otherwise fail, while clients that read them all pick SHA-256 anyway (RFC 8760
   * §2.4). Either algorithm is accepted in answers, whatever was offered.
   */
  private static final List<DigestAlgorithm> BOTH = List.of(DigestAlgorithm.MD5, DigestAlgorithm.SHA_256);

  private final DigestRealm realm;
  private final Nonces nonces;

  DigestAuthenticator(DigestRealm realm, Clock clock) {
    this.realm = realm;
    this.nonces = new Nonces(clock, realm.nonceLifetime());
  }

  String realm() {
    return realm.realm();
  }

  /** Checks the Authorization (or for proxies Proxy-Authorization) credentials of {@code request}. */
  Verdict verify(Request request, boolean proxy) {
    String header = proxy ? DigestHeaders.PROXY_AUTHORIZATION : DigestHeaders.AUTHORIZATION;
    for (DigestCredentials c : DigestHeaders.credentials(request, header)) {
      if (!realm.realm().equals(c.realm())) continue; // RFC 3261 §22.4: other realms are someone else's
      if (c.username() == null || c.username().isEmpty()) return new Verdict.Failed("");
      Optional<DigestAlgorithm> algorithm = DigestAlgorithm.ofToken(c.algorithm());
      Nonces.Verdict nonce = nonces.check(c.nonce());
      // qop=auth is what we offered; an answer without it (RFC 2069 style) would weaken the
      // exchange the peer was offered, so it counts as wrong.
      if (algorithm.isEmpty() || nonce == Nonces.Verdict.INVALID || !"auth".equalsIgnoreCase(c.qop())
          || c.nc() == null || c.cnonce() == null) {
        return new Verdict.Failed(c.username());
      }
      Optional<String> password = realm.passwords().password(c.username());
      boolean right = Digest.matches(algorithm.get(), c, request.getMethod(), password.orElse(""));
      if (password.isEmpty() || !right) return new Verdict.Failed(c.username());
      return nonce == Nonces.Verdict.STALE ? new Verdict.Stale() : new Verdict.Authenticated(c.username());
    }
    return new Verdict.Missing();
  }

  /** Adds one challenge per algorithm to a 401 (WWW-Authenticate) or 407 (Proxy-Authenticate). */
  void challenge(Messages messages, Response response, boolean stale) {
    String header = response.getStatusCode() == 407 ? DigestHeaders.PROXY_AUTHENTICATE : DigestHeaders.WWW_AUTHENTICATE;
    String nonce = nonces.issue();
    for (DigestAlgorithm a : realm.offerSha256() ? BOTH : List.of(DigestAlgorithm.MD5)) {
      DigestHeaders.add(messages, response, header, DigestHeaders.challengeValue(realm.realm(), nonce, a.token(), stale));
    }
  }
}
