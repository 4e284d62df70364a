package dev.parley.sip.jainsip;

import dev.parley.sip.Credentials;
import dev.parley.sip.digest.ClientDigest;
import dev.parley.sip.digest.DigestChallenge;
import dev.parley.sip.digest.DigestCredentials;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Answers 401/407 challenges for one request and its retries (RFC 3261 §22.2): the first challenge we
 * can compute (RFC 7616 §3.7), once per nonce, so that a server that keeps refusing our password does
 * not make us loop; a new nonce with {@code stale=true} is worth one more try.
 */
final class ChallengeResponder {
  /** The header that answers a challenge, and its value. */
  record Answer(String headerName, String value) {}

  private final Credentials credentials;
  private final Set<String> triedNonces = new HashSet<>();

  /** @param credentials null: no challenge is ever answered */
  ChallengeResponder(Credentials credentials) {
    this.credentials = credentials;
  }

  /**
   * The credentials for {@code request} that answer the challenge in {@code response}, if any. After
   * one answer, only a challenge marked {@code stale=true} is answered again: any other means the
   * password was refused.
   */
  synchronized Optional<Answer> answer(Request request, Response response) {
    if (credentials == null) return Optional.empty();
    boolean proxy = response.getStatusCode() == 407;
    String challengeHeader = proxy ? DigestHeaders.PROXY_AUTHENTICATE : DigestHeaders.WWW_AUTHENTICATE;
    String answerHeader = proxy ? DigestHeaders.PROXY_AUTHORIZATION : DigestHeaders.AUTHORIZATION;
    for (DigestChallenge c : DigestHeaders.challenges(response, challengeHeader)) {
      if (c.nonce() == null || c.realm() == null || triedNonces.contains(c.nonce())) continue;
      if (!triedNonces.isEmpty() && !c.stale()) return Optional.empty();
      Optional<DigestCredentials> d = ClientDigest.answer(
          c, request.getMethod(), request.getRequestURI().toString(), credentials.user(), credentials.password(), 1);
      if (d.isEmpty()) continue; // an algorithm we lack: the next challenge may offer one we have
      triedNonces.add(c.nonce());
      return Optional.of(new Answer(answerHeader, DigestHeaders.credentialsValue(d.get())));
    }
    return Optional.empty();
  }

  /** A request went through: the next one starts a fresh round of challenges. */
  synchronized void reset() {
    triedNonces.clear();
  }
}
