package dev.parley.media.srtp;

/**
 * The SDES crypto suites we speak (RFC 4568 §6.2.1, §6.2.2): AES-128 in counter mode, HMAC-SHA1,
 * a 128-bit master key and a 112-bit master salt. They differ only in the SRTP tag length; SRTCP
 * always carries an 80-bit tag (RFC 4568 §6.2.2: "_32" shortens the SRTP tag only).
 */
public enum SrtpSuite {
  AES_CM_128_HMAC_SHA1_80(10),
  AES_CM_128_HMAC_SHA1_32(4);

  /** Master key and salt lengths in bytes (RFC 3711 §8.2 defaults). */
  public static final int MASTER_KEY_BYTES = 16;

  public static final int MASTER_SALT_BYTES = 14;

  /** The SRTCP tag length in bytes, for both suites. */
  public static final int SRTCP_TAG_BYTES = 10;

  private final int rtpTagBytes;

  SrtpSuite(int rtpTagBytes) {
    this.rtpTagBytes = rtpTagBytes;
  }

  /** Bytes of authentication tag appended to each SRTP packet. */
  public int rtpTagBytes() {
    return rtpTagBytes;
  }

  /** The suite for an {@code a=crypto} name, or {@code null} when we do not speak it. */
  public static SrtpSuite byName(String name) {
    for (SrtpSuite s : values()) {
      if (s.name().equalsIgnoreCase(name)) return s;
    }
    return null;
  }
}
