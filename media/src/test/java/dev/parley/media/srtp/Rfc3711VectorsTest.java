package dev.parley.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** RFC 3711 Appendix B and the reference packet of libsrtp's test driver. */
class Rfc3711VectorsTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] MASTER_KEY = HEX.parseHex("e1f97a0d3e018be0d64fa32c06de4139");
  private static final byte[] MASTER_SALT = HEX.parseHex("0ec675ad498afeebb6960b3aabe6");

  @Test
  void appendixB2AesCounterModeKeystream() {
    AesCounterMode aes = new AesCounterMode(HEX.parseHex("2b7e151628aed2a6abf7158809cf4f3c"));
    byte[] iv = HEX.parseHex("f0f1f2f3f4f5f6f7f8f9fafbfcfd0000");
    byte[] out = new byte[48];
    aes.keystream(iv, out, 48);
    assertThat(HEX.formatHex(out)).isEqualTo(
        "e03ead0935c95e80e166b16dd92b4eb4" + "d23513162b02d0f72a43a2fe4a5f97ab" + "41e95b3bb0a2e8dd477901e4fca894c0");
  }

  @Test
  void appendixB3KeyDerivation() {
    SessionKeys k = SessionKeys.srtp(new SrtpKeys(SrtpSuite.AES_CM_128_HMAC_SHA1_80, MASTER_KEY, MASTER_SALT));
    assertThat(HEX.formatHex(k.cipherKey())).isEqualTo("c61e7a93744f39ee10734afe3ff7a087");
    assertThat(HEX.formatHex(k.salt())).isEqualTo("30cbbc08863d8c85d49db34a9ae1");
    assertThat(HEX.formatHex(k.authKey())).isEqualTo("cebe321f6ff7716b6fd4ab49af256a156d38baa4");
  }

  @Test
  void srtcpKeysUseLabelsThreeToFive() {
    SessionKeys k = SessionKeys.srtcp(new SrtpKeys(SrtpSuite.AES_CM_128_HMAC_SHA1_80, MASTER_KEY, MASTER_SALT));
    assertThat(HEX.formatHex(k.cipherKey())).isEqualTo("4c1aa45a81f73d61c800bbb00fbb1eaa");
    assertThat(HEX.formatHex(k.salt())).isEqualTo("9581c7ad87b3e530bf3e4454a8b3");
  }

  @Test
  void libsrtpReferenceRtpPacketProtectsAndUnprotects() {
    byte[] plain = HEX.parseHex("800f1234decafbadcafebabe" + "ab".repeat(16));
    String expected = "800f1234decafbadcafebabe4e55dc4ce79978d88ca4d215949d2402b78d6acc99ea179b8dbb";
    byte[] buf = new byte[64];
    System.arraycopy(plain, 0, buf, 0, plain.length);
    int n = transform().protectRtp(buf, 0, plain.length);
    assertThat(HEX.formatHex(buf, 0, n)).isEqualTo(expected);

    byte[] wire = HEX.parseHex(expected);
    int m = transform().unprotectRtp(wire, 0, wire.length);
    assertThat(m).isEqualTo(plain.length);
    assertThat(HEX.formatHex(wire, 0, m)).isEqualTo(HEX.formatHex(plain));
  }

  @Test
  void libsrtpReferenceRtcpPacketProtectsAndUnprotects() {
    byte[] plain = HEX.parseHex("81c8000bcafebabe" + "ab".repeat(16));
    String expected = "81c8000bcafebabe7128035be487b9bdbef89041f977a5a880000001993e08cd54d6c1230798";
    byte[] buf = new byte[64];
    System.arraycopy(plain, 0, buf, 0, plain.length);
    SrtpTransform sender = transform();
    sender.nextSrtcpIndex(1); // libsrtp's first index
    int n = sender.protectRtcp(buf, 0, plain.length);
    assertThat(HEX.formatHex(buf, 0, n)).isEqualTo(expected);

    byte[] wire = HEX.parseHex(expected);
    SrtpTransform receiver = transform();
    int m = receiver.unprotectRtcp(wire, 0, wire.length);
    assertThat(HEX.formatHex(wire, 0, m)).isEqualTo(HEX.formatHex(plain));
    // The same packet again is a replay (RFC 3711 §3.4 applies the replay list to SRTCP too).
    byte[] again = HEX.parseHex(expected);
    assertThat(receiver.unprotectRtcp(again, 0, again.length)).isEqualTo(SrtpTransform.REJECTED);
  }

  private static SrtpTransform transform() {
    return new SrtpTransform(new SrtpKeys(SrtpSuite.AES_CM_128_HMAC_SHA1_80, MASTER_KEY, MASTER_SALT));
  }
}
