package dev.parley.sip.digest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * The digest algorithms we offer and answer, in order of preference (RFC 7616 §3.7: the server lists
 * its challenges most preferred first). The "-sess" variants are not supported: no SIP peer we test
 * with uses them.
 */
public enum DigestAlgorithm {
  SHA_256("SHA-256", "SHA-256"),
  MD5("MD5", "MD5");

  private final String token;
  private final String jdkName;

  DigestAlgorithm(String token, String jdkName) {
    this.token = token;
    this.jdkName = jdkName;
  }

  /** The value of the {@code algorithm} parameter, e.g. {@code SHA-256}. */
  public String token() {
    return token;
  }

  /**
   * The algorithm a parameter names; a missing parameter means MD5 (RFC 7616 §3.3, RFC 2617 §3.2.1).
   *
   * @param token the {@code algorithm} parameter, or {@code null}
   */
  public static Optional<DigestAlgorithm> ofToken(String token) {
    if (token == null || token.isBlank()) return Optional.of(MD5);
    String t = token.strip().toUpperCase(Locale.ROOT);
    for (DigestAlgorithm a : values()) if (a.token.equals(t)) return Optional.of(a);
    return Optional.empty();
  }

  /** The lower-case hex hash of {@code text} in UTF-8 (RFC 7616 §3.4: H(data) in hex). */
  public String hash(String text) {
    try {
      byte[] d = MessageDigest.getInstance(jdkName).digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(jdkName + " is required of every JDK", e);
    }
  }
}
