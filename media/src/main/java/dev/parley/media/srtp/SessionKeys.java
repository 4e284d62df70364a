package dev.parley.media.srtp;

/**
 * Session keys derived from a master key and salt (RFC 3711 §4.3.1) with a key derivation rate of 0,
 * the SDES default (RFC 4568 §6.1: no KDR parameter): every key is derived once. Labels 0-2 give the
 * SRTP cipher key, authentication key and salt; 3-5 the same for SRTCP.
 */
record SessionKeys(byte[] cipherKey, byte[] authKey, byte[] salt) {
  static final int AUTH_KEY_BYTES = 20;

  static SessionKeys srtp(SrtpKeys master) {
    return derive(master, 0);
  }

  static SessionKeys srtcp(SrtpKeys master) {
    return derive(master, 3);
  }

  private static SessionKeys derive(SrtpKeys master, int firstLabel) {
    AesCounterMode prf = new AesCounterMode(master.masterKey());
    byte[] salt = master.masterSalt();
    return new SessionKeys(
        derive(prf, salt, firstLabel, SrtpSuite.MASTER_KEY_BYTES),
        derive(prf, salt, firstLabel + 1, AUTH_KEY_BYTES),
        derive(prf, salt, firstLabel + 2, SrtpSuite.MASTER_SALT_BYTES));
  }

  /** x = key_id XOR master_salt with key_id = label || r (r = 0), aligned right; IV = x * 2^16. */
  static byte[] derive(AesCounterMode prf, byte[] masterSalt, int label, int length) {
    byte[] iv = new byte[16];
    System.arraycopy(masterSalt, 0, iv, 0, SrtpSuite.MASTER_SALT_BYTES);
    iv[7] ^= (byte) label;
    byte[] out = new byte[length];
    prf.keystream(iv, out, length);
    return out;
  }
}
