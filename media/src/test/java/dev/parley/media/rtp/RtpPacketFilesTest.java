package dev.parley.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Parses the handmade packets in {@code src/test/resources/rtp} (made by {@code generate.py} there). */
class RtpPacketFilesTest {
  private final RtpPacket p = new RtpPacket();

  static byte[] load(String name) throws IOException {
    try (InputStream in = RtpPacketFilesTest.class.getResourceAsStream("/rtp/" + name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    }
  }

  /** Loads the file at an offset inside a larger array, to check offsets are honoured. */
  private boolean wrapAtOffset(String name) throws IOException {
    byte[] bytes = load(name);
    byte[] buf = new byte[bytes.length + 10];
    java.util.Arrays.fill(buf, (byte) 0x5A);
    System.arraycopy(bytes, 0, buf, 7, bytes.length);
    return p.wrap(buf, 7, bytes.length);
  }

  private void assertCommonHeader() {
    assertThat(p.sequence()).isEqualTo(0x1234);
    assertThat(p.timestamp()).isEqualTo(0xDEADBEEFL);
    assertThat(p.ssrc()).isEqualTo(0xCAFEBABEL);
  }

  private void assertPayloadCounts(int length) {
    assertThat(p.payloadLength()).isEqualTo(length);
    for (int i = 0; i < length; i++) assertThat(p.buffer()[p.payloadOffset() + i]).isEqualTo((byte) i);
  }

  @Test
  void plain() throws IOException {
    assertThat(wrapAtOffset("valid-plain.bin")).isTrue();
    assertCommonHeader();
    assertThat(p.marker()).isTrue();
    assertThat(p.payloadType()).isZero();
    assertThat(p.payloadOffset()).isEqualTo(7 + 12);
    assertPayloadCounts(160);
  }

  @Test
  void withCsrcs() throws IOException {
    assertThat(wrapAtOffset("valid-csrc.bin")).isTrue();
    assertCommonHeader();
    assertThat(p.marker()).isFalse();
    assertThat(p.payloadType()).isEqualTo(8);
    assertThat(p.payloadOffset()).isEqualTo(7 + 12 + 8);
    assertPayloadCounts(20);
  }

  @Test
  void withHeaderExtension() throws IOException {
    assertThat(wrapAtOffset("valid-extension.bin")).isTrue();
    assertCommonHeader();
    assertThat(p.payloadOffset()).isEqualTo(7 + 12 + 4 + 8);
    assertPayloadCounts(10);
  }

  @Test
  void withPadding() throws IOException {
    assertThat(wrapAtOffset("valid-padding.bin")).isTrue();
    assertCommonHeader();
    assertThat(p.payloadOffset()).isEqualTo(7 + 12);
    assertPayloadCounts(20);
  }

  @Test
  void withCsrcsExtensionAndPadding() throws IOException {
    assertThat(wrapAtOffset("valid-all.bin")).isTrue();
    assertCommonHeader();
    assertThat(p.marker()).isTrue();
    assertThat(p.payloadType()).isEqualTo(96);
    assertThat(p.payloadOffset()).isEqualTo(7 + 12 + 8 + 4 + 8);
    assertPayloadCounts(7);
  }

  @Test
  void headerOnlyAndPaddingOnlyHaveEmptyPayloads() throws IOException {
    assertThat(wrapAtOffset("valid-empty-payload.bin")).isTrue();
    assertThat(p.payloadLength()).isZero();
    assertThat(wrapAtOffset("valid-only-padding.bin")).isTrue();
    assertThat(p.payloadLength()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "truncated-header.bin",
      "truncated-csrc.bin",
      "truncated-extension-header.bin",
      "truncated-extension.bin",
      "bad-padding-zero.bin",
      "bad-padding-too-big.bin",
      "bad-version.bin",
      "garbage-http.bin",
      "garbage-stun.bin"})
  void invalidPacketsAreRejected(String name) throws IOException {
    assertThat(wrapAtOffset(name)).isFalse();
    byte[] bytes = load(name);
    assertThat(RtpPacket.looksLikeRtcp(bytes, 0, bytes.length)).isFalse();
  }

  @Test
  void rtcpParsesAsRtpWhichIsWhyLooksLikeRtcpExists() throws IOException {
    byte[] bytes = load("rtcp-rr.bin");
    assertThat(RtpPacket.looksLikeRtcp(bytes, 0, bytes.length)).isTrue();
    for (String name : new String[] {"valid-plain.bin", "valid-csrc.bin", "valid-all.bin"}) {
      byte[] rtp = load(name);
      assertThat(RtpPacket.looksLikeRtcp(rtp, 0, rtp.length)).as(name).isFalse();
    }
  }
}
