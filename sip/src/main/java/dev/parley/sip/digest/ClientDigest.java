package dev.parley.sip.digest;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * The client side: the credentials that answer one challenge (RFC 7616 §3.4). We answer with
 * qop=auth when the challenge offers it, else in the RFC 2069 form that RFC 2617 kept for old
 * servers.
 */
public final class ClientDigest {
  private static final SecureRandom RANDOM = new SecureRandom();

  private ClientDigest() {}

  /**
   * Credentials for {@code method} on {@code uri}, or empty when the challenge names an algorithm we
   * do not have (the caller then tries the next challenge, RFC 7616 §3.7).
   *
   * @param nonceCount how many requests this nonce has already served plus one (the {@code nc})
   */
  public static Optional<DigestCredentials> answer(
      DigestChallenge challenge, String method, String uri, String username, String password, int nonceCount) {
    Optional<DigestAlgorithm> algorithm = DigestAlgorithm.ofToken(challenge.algorithm());
    if (algorithm.isEmpty()) return Optional.empty();
    boolean qopAuth = challenge.qop() != null && hasAuth(challenge.qop());
    byte[] c = new byte[12];
    RANDOM.nextBytes(c);
    String cnonce = HexFormat.of().formatHex(c);
    DigestCredentials unsigned = new DigestCredentials(
        username, challenge.realm(), challenge.nonce(), uri, null, challenge.algorithm(),
        qopAuth ? "auth" : null, qopAuth ? String.format(Locale.ROOT, "%08x", nonceCount) : null,
        qopAuth ? cnonce : null, challenge.opaque());
    String response = Digest.response(algorithm.get(), unsigned, method, password);
    return Optional.of(new DigestCredentials(
        unsigned.username(), unsigned.realm(), unsigned.nonce(), unsigned.uri(), response, unsigned.algorithm(),
        unsigned.qop(), unsigned.nc(), unsigned.cnonce(), unsigned.opaque()));
  }

  private static boolean hasAuth(String qopOptions) {
    for (String q : qopOptions.split(",")) if (q.strip().equalsIgnoreCase("auth")) return true;
    return false;
  }
}
