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
      // qop=auth and the algorithms of our challenges are what we offered; an answer without qop
      // (RFC 2069 style) or with an algorithm we did not offer would weaken the exchange the peer
      // was offered, so it counts as wrong.
      if (algorithm.isEmpty() || !realm.offered().contains(algorithm.get()) || nonce == Nonces.Verdict.INVALID
          || !"auth".equalsIgnoreCase(c.qop()) || c.nc() == null || c.cnonce() == null) {
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
    for (DigestAlgorithm a : realm.offered()) {
      DigestHeaders.add(messages, response, header, DigestHeaders.challengeValue(realm.realm(), nonce, a.token(), stale));
    }
  }
}
