package dev.parley.media.srtp;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * A master key and salt for one direction of one stream, and the suite they are used with. In SDES
 * (RFC 4568) each side sends with its own key, announced in its {@code a=crypto} line.
 */
public record SrtpKeys(SrtpSuite suite, byte[] masterKey, byte[] masterSalt) {
  private static final SecureRandom RANDOM = new SecureRandom();

  public SrtpKeys {
    Objects.requireNonNull(suite, "suite");
    if (masterKey.length != SrtpSuite.MASTER_KEY_BYTES) throw new IllegalArgumentException("master key must be 16 bytes");
    if (masterSalt.length != SrtpSuite.MASTER_SALT_BYTES) throw new IllegalArgumentException("master salt must be 14 bytes");
    masterKey = masterKey.clone();
    masterSalt = masterSalt.clone();
  }

  /** Fresh random keys (our sending key for an answer or an offer). */
  public static SrtpKeys random(SrtpSuite suite) {
    byte[] k = new byte[SrtpSuite.MASTER_KEY_BYTES];
    byte[] s = new byte[SrtpSuite.MASTER_SALT_BYTES];
    RANDOM.nextBytes(k);
    RANDOM.nextBytes(s);
    return new SrtpKeys(suite, k, s);
  }

  /** From the 30 bytes of an SDES inline key: the master key followed by the salt (RFC 4568 §6.1). */
  public static SrtpKeys fromConcatenated(SrtpSuite suite, byte[] keyAndSalt) {
    if (keyAndSalt.length != SrtpSuite.MASTER_KEY_BYTES + SrtpSuite.MASTER_SALT_BYTES) {
      throw new IllegalArgumentException("an inline key must be 30 bytes, found " + keyAndSalt.length);
    }
    return new SrtpKeys(
        suite, Arrays.copyOf(keyAndSalt, SrtpSuite.MASTER_KEY_BYTES),
        Arrays.copyOfRange(keyAndSalt, SrtpSuite.MASTER_KEY_BYTES, keyAndSalt.length));
  }

  /** Key then salt, as an SDES inline key carries them. */
  public byte[] concatenated() {
    byte[] out = Arrays.copyOf(masterKey, masterKey.length + masterSalt.length);
    System.arraycopy(masterSalt, 0, out, masterKey.length, masterSalt.length);
    return out;
  }

  @Override
  public byte[] masterKey() {
    return masterKey.clone();
  }

  @Override
  public byte[] masterSalt() {
    return masterSalt.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SrtpKeys k && k.suite == suite && Arrays.equals(k.masterKey, masterKey)
        && Arrays.equals(k.masterSalt, masterSalt);
  }

  @Override
  public int hashCode() {
    return suite.hashCode() * 31 + Arrays.hashCode(masterKey);
  }

  /** Never prints key material. */
  @Override
  public String toString() {
    return "SrtpKeys[" + suite + "]";
  }
}
