package dev.parley.sip.sdp;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The SDES side of one call: the room's {@link SrtpPolicy} and our own master key for each suite,
 * drawn once, so every answer and offer of the call (re-INVITEs included) announces the same key and
 * the stream keeps its SRTP state.
 */
public final class Sdes {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Sdes PLAIN = new Sdes(SrtpPolicy.OFF);

  private final SrtpPolicy policy;
  private final Map<String, byte[]> ourKeys = new LinkedHashMap<>();

  public Sdes(SrtpPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
    if (policy != SrtpPolicy.OFF) {
      for (String suite : SdesCrypto.SUITES) {
        byte[] k = new byte[SdesCrypto.KEY_AND_SALT_BYTES];
        RANDOM.nextBytes(k);
        ourKeys.put(suite, k);
      }
    }
  }

  /** Plain RTP only: what offer/answer did before SRTP. */
  public static Sdes plain() {
    return PLAIN;
  }

  public SrtpPolicy policy() {
    return policy;
  }

  /** Our key and salt for a suite we speak. */
  byte[] ourKey(String suite) {
    byte[] k = ourKeys.get(suite);
    if (k == null) throw new IllegalArgumentException("no key for " + suite + " with SRTP " + policy);
    return k.clone();
  }

  /** The crypto lines of our offer: one per suite, tags 1, 2... (RFC 4568 §5.1.1). */
  java.util.List<SdesCrypto> offerLines() {
    java.util.List<SdesCrypto> out = new java.util.ArrayList<>();
    int tag = 1;
    for (Map.Entry<String, byte[]> e : ourKeys.entrySet()) out.add(new SdesCrypto(tag++, e.getKey(), e.getValue()));
    return out;
  }

  @Override
  public String toString() {
    return "Sdes[" + policy + ", suites " + ourKeys.keySet() + "]";
  }

  /** For tests: whether two instances announce the same keys. */
  boolean sameKeys(Sdes other) {
    if (!ourKeys.keySet().equals(other.ourKeys.keySet())) return false;
    for (String s : ourKeys.keySet()) {
      if (!Arrays.equals(ourKeys.get(s), other.ourKeys.get(s))) return false;
    }
    return true;
  }
}
