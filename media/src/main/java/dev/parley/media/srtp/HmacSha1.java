package dev.parley.media.srtp;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * HMAC-SHA1 (RFC 2104) on a cached SHA-1 {@link MessageDigest}, writing the tag into the caller's
 * array. {@code javax.crypto.Mac.doFinal(byte[], int)} returns its result through a fresh array, which
 * the media path must not do per packet; {@link MessageDigest#digest(byte[], int, int)} does not.
 * Not thread-safe.
 */
final class HmacSha1 {
  static final int TAG_BYTES = 20;
  private static final int BLOCK = 64;

  private final MessageDigest sha1;
  private final byte[] innerPad = new byte[BLOCK];
  private final byte[] outerPad = new byte[BLOCK];
  private final byte[] inner = new byte[TAG_BYTES];

  HmacSha1(byte[] key) {
    try {
      sha1 = MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is not available", e);
    }
    byte[] k = key.length > BLOCK ? sha1.digest(key) : key;
    for (int i = 0; i < BLOCK; i++) {
      byte b = i < k.length ? k[i] : 0;
      innerPad[i] = (byte) (b ^ 0x36);
      outerPad[i] = (byte) (b ^ 0x5c);
    }
  }

  /** Starts a tag over new data. */
  void start() {
    sha1.reset();
    sha1.update(innerPad);
  }

  void update(byte[] data, int off, int len) {
    sha1.update(data, off, len);
  }

  /** Adds a 32-bit big-endian number (the ROC, RFC 3711 §4.2). */
  void updateInt(int value, byte[] scratch) {
    scratch[0] = (byte) (value >>> 24);
    scratch[1] = (byte) (value >>> 16);
    scratch[2] = (byte) (value >>> 8);
    scratch[3] = (byte) value;
    sha1.update(scratch, 0, 4);
  }

  /** Finishes the tag into {@code out[off..off+20)}. */
  void finish(byte[] out, int off) {
    try {
      sha1.digest(inner, 0, TAG_BYTES);
      sha1.update(outerPad);
      sha1.update(inner);
      sha1.digest(out, off, TAG_BYTES);
    } catch (DigestException e) {
      throw new IllegalStateException(e);
    }
  }
}
