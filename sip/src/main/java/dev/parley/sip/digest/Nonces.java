package dev.parley.sip.digest;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Server nonces that need no table: each carries its issue time and random bytes, signed with a key
 * of this instance (HMAC-SHA-256), so any nonce we issued can be checked and aged later (RFC 7616
 * §3.3 and §5.5: a nonce "may contain a timestamp" and be refused once too old, with stale=true so the
 * client retries without asking its user again). A restart changes the key: old nonces become
 * invalid, and the client gets a fresh challenge.
 *
 * <p>Replays within the lifetime are not detected (no nonce-count tracking); a SIP registrar over
 * loopback or a trusted network is what this is for. Thread-safe.
 */
public final class Nonces {
  /** What a nonce turned out to be. */
  public enum Verdict {
    VALID,
    /** Ours, but older than the lifetime: answer 401/407 with stale=true. */
    STALE,
    /** Not ours (forged, from before a restart, malformed). */
    INVALID
  }

  private static final int TIME_BYTES = 8;
  private static final int RANDOM_BYTES = 8;
  private static final int MAC_BYTES = 16;

  private final Clock clock;
  private final Duration lifetime;
  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  public Nonces(Clock clock, Duration lifetime) {
    this.clock = clock;
    this.lifetime = lifetime;
    byte[] k = new byte[32];
    random.nextBytes(k);
    this.key = new SecretKeySpec(k, "HmacSHA256");
  }

  /** A fresh nonce: base64url of issue time, random bytes and their signature. */
  public String issue() {
    ByteBuffer b = ByteBuffer.allocate(TIME_BYTES + RANDOM_BYTES + MAC_BYTES);
    b.putLong(clock.millis());
    byte[] r = new byte[RANDOM_BYTES];
    random.nextBytes(r);
    b.put(r);
    b.put(mac(Arrays.copyOf(b.array(), TIME_BYTES + RANDOM_BYTES)));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
  }

  public Verdict check(String nonce) {
    if (nonce == null) return Verdict.INVALID;
    byte[] raw;
    try {
      raw = Base64.getUrlDecoder().decode(nonce);
    } catch (IllegalArgumentException e) {
      return Verdict.INVALID;
    }
    if (raw.length != TIME_BYTES + RANDOM_BYTES + MAC_BYTES) return Verdict.INVALID;
    byte[] signed = Arrays.copyOf(raw, TIME_BYTES + RANDOM_BYTES);
    byte[] mac = Arrays.copyOfRange(raw, TIME_BYTES + RANDOM_BYTES, raw.length);
    if (!MessageDigest.isEqual(mac, mac(signed))) return Verdict.INVALID;
    long issued = ByteBuffer.wrap(raw).getLong();
    long age = clock.millis() - issued;
    return age < 0 || age > lifetime.toMillis() ? Verdict.STALE : Verdict.VALID;
  }

  private byte[] mac(byte[] data) {
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(key);
      return Arrays.copyOf(m.doFinal(data), MAC_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
    }
  }
}
