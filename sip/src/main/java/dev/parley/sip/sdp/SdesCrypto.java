package dev.parley.sip.sdp;

import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * One {@code a=crypto} line of SDES (RFC 4568 §4, §9.1):
 * {@code a=crypto:<tag> <suite> inline:<base64 key||salt>[|<lifetime>][|<MKI>:<length>]}.
 *
 * @param tag the line's tag; the answer repeats the tag of the offer line it accepts (§5.1.2)
 * @param suite the crypto-suite name, e.g. {@code AES_CM_128_HMAC_SHA1_80}
 * @param keyAndSalt the decoded inline key: 16 bytes of master key then 14 of salt
 */
public record SdesCrypto(int tag, String suite, byte[] keyAndSalt) {
  /** The suites we speak, in the order we offer them (RFC 4568 §6.2). */
  public static final List<String> SUITES = List.of("AES_CM_128_HMAC_SHA1_80", "AES_CM_128_HMAC_SHA1_32");

  /** Their master key and salt: 128 + 112 bits. */
  public static final int KEY_AND_SALT_BYTES = 30;

  public SdesCrypto {
    keyAndSalt = keyAndSalt.clone();
  }

  @Override
  public byte[] keyAndSalt() {
    return keyAndSalt.clone();
  }

  /**
   * Reads the value of an {@code a=crypto} attribute, or returns {@code null} when we cannot use it: an
   * unknown suite, a key that is not 30 bytes, more than one key (we support no MKI), an MKI, or session
   * parameters (such as {@code UNENCRYPTED_SRTP}; RFC 4568 §6.3), which we do not implement. Skipping
   * such a line is what §5.1.2 asks: the answerer picks a line it understands, if any.
   */
  public static SdesCrypto parse(String value) {
    if (value == null) return null;
    String[] f = value.trim().split("\\s+");
    if (f.length != 3) return null;
    int tag;
    try {
      tag = Integer.parseInt(f[0]);
    } catch (NumberFormatException e) {
      return null;
    }
    if (tag < 0 || tag > 999_999_999) return null;
    String suite = f[1].toUpperCase(Locale.ROOT);
    if (!SUITES.contains(suite)) return null;
    String params = f[2];
    if (!params.regionMatches(true, 0, "inline:", 0, 7) || params.indexOf(';') >= 0) return null;
    String[] parts = params.substring(7).split("\\|");
    for (int i = 1; i < parts.length; i++) {
      if (parts[i].contains(":")) return null; // an MKI: we would have to send it back in every packet
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(parts[0]);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (key.length != KEY_AND_SALT_BYTES) return null;
    return new SdesCrypto(tag, suite, key);
  }

  /** The attribute value: {@code <tag> <suite> inline:<base64>}. */
  public String value() {
    return tag + " " + suite + " inline:" + Base64.getEncoder().encodeToString(keyAndSalt);
  }

  /** Never prints the key. */
  @Override
  public String toString() {
    return "SdesCrypto[" + tag + " " + suite + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SdesCrypto c && c.tag == tag && c.suite.equals(suite)
        && java.util.Arrays.equals(c.keyAndSalt, keyAndSalt);
  }

  @Override
  public int hashCode() {
    return tag * 31 + suite.hashCode();
  }
}
