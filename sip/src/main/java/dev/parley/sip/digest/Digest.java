package dev.parley.sip.digest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

/**
 * The digest response of RFC 7616 §3.4.1 (and RFC 2617 §3.2.2.1 for the answers without qop).
 *
 * <pre>
 * HA1      = H(username ":" realm ":" password)
 * HA2      = H(method ":" uri)                       qop=auth (auth-int is not offered)
 * response = H(HA1 ":" nonce ":" nc ":" cnonce ":" qop ":" HA2)
 * response = H(HA1 ":" nonce ":" HA2)                without qop
 * </pre>
 */
public final class Digest {
  private Digest() {}

  /** The response a client with {@code password} sends for {@code method} and these parameters. */
  public static String response(DigestAlgorithm algorithm, DigestCredentials c, String method, String password) {
    String ha1 = algorithm.hash(c.username() + ":" + c.realm() + ":" + password);
    String ha2 = algorithm.hash(method + ":" + c.uri());
    if (c.qop() == null) return algorithm.hash(ha1 + ":" + c.nonce() + ":" + ha2);
    return algorithm.hash(ha1 + ":" + c.nonce() + ":" + c.nc() + ":" + c.cnonce() + ":" + c.qop() + ":" + ha2);
  }

  /**
   * Whether {@code c.response()} is right for {@code password}. The comparison takes the same time
   * wherever the first difference is, so that timing tells an attacker nothing about the expected
   * value.
   */
  public static boolean matches(DigestAlgorithm algorithm, DigestCredentials c, String method, String password) {
    if (c.response() == null) return false;
    byte[] expected = response(algorithm, c, method, password).getBytes(StandardCharsets.US_ASCII);
    byte[] actual = c.response().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, actual);
  }
}
