package dev.parley.media.srtp;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES in counter mode as SRTP uses it (RFC 3711 §4.1.1): the keystream is AES_k(IV + j) for block
 * j = 0, 1, ..., XORed onto the data. The counter blocks are built in a buffer and encrypted by one
 * cached ECB {@link Cipher} call, because a CTR cipher would need a new IV object (and a re-init) per
 * packet. Not thread-safe: one instance per stream direction.
 */
final class AesCounterMode {
  /** Room for the largest datagram we handle. */
  static final int MAX_BYTES = 2048;

  private final Cipher aes;
  private final byte[] counters = new byte[MAX_BYTES];
  private final byte[] keystream = new byte[MAX_BYTES];

  AesCounterMode(byte[] key) {
    try {
      aes = Cipher.getInstance("AES/ECB/NoPadding");
      aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES is not available", e);
    }
  }

  /**
   * XORs {@code len} bytes at {@code off} with the keystream for the 16-byte {@code iv} (its last two
   * bytes are the block counter, zero on entry).
   */
  void apply(byte[] iv, byte[] data, int off, int len) {
    if (len <= 0) return;
    if (len > MAX_BYTES) throw new IllegalArgumentException("packet too long for SRTP: " + len);
    int blocks = (len + 15) >>> 4;
    for (int b = 0; b < blocks; b++) {
      int o = b << 4;
      System.arraycopy(iv, 0, counters, o, 14);
      // The block counter occupies the low 16 bits (RFC 3711 §4.1.1 allows 2^16 blocks per packet).
      int c = ((iv[14] & 0xff) << 8 | (iv[15] & 0xff)) + b;
      counters[o + 14] = (byte) (c >>> 8);
      counters[o + 15] = (byte) c;
    }
    try {
      aes.update(counters, 0, blocks << 4, keystream, 0);
    } catch (ShortBufferException e) {
      throw new IllegalStateException(e);
    }
    for (int i = 0; i < len; i++) data[off + i] ^= keystream[i];
  }

  /** {@code len} bytes of keystream for {@code iv} into {@code out} (key derivation, tests). */
  void keystream(byte[] iv, byte[] out, int len) {
    java.util.Arrays.fill(out, 0, len, (byte) 0);
    apply(iv, out, 0, len);
  }
}
