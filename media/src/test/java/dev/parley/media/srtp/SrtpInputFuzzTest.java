package dev.parley.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testkit.fuzz.Fuzzer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Mutated datagrams through SRTP and SRTCP (RFC 3711), the first code that reads a secure member's
 * bytes. As a stranger's packets: {@link SrtpTransform#unprotectRtp} and {@link
 * SrtpTransform#unprotectRtcp} of one long-lived receiver must refuse every one (no tag verifies
 * without the key; with the 80-bit tag a false accept is 2^-80) and never throw. As the peer's own
 * packets: whatever {@code protect*} takes, a fresh receiver under the same key gives back byte for
 * byte, whatever the header claims (CSRCs, extensions, padding, lengths). Seeded with the RTP and RTCP
 * corpora of those parsers' fuzz tests and an RTP packet with a CSRC and a header extension
 * ({@code SrtpInputFuzzTestInputs/}).
 */
class SrtpInputFuzzTest {
  private static final SrtpKeys KEYS = SrtpKeys.random(SrtpSuite.AES_CM_128_HMAC_SHA1_80);
  private static final SrtpKeys SHORT_TAG = SrtpKeys.random(SrtpSuite.AES_CM_128_HMAC_SHA1_32);
  private static final int DATAGRAM_BYTES = 2048;

  private final SrtpTransform stranger = new SrtpTransform(KEYS);
  private final SrtpTransform strangerShortTag = new SrtpTransform(SHORT_TAG);
  private int roundTrips;

  @Test
  void strangersAreRefusedAndThePeersPacketsComeBackWhole() {
    Fuzzer.forCorpusOf(SrtpInputFuzzTest.class)
        .alsoSeededFrom(SrtpInputFuzzTest.class, "dev/parley/media/rtp/RtpInputFuzzTestInputs")
        .alsoSeededFrom(SrtpInputFuzzTest.class, "dev/parley/media/rtcp/RtcpInputFuzzTestInputs")
        .rounds(10_000).run(this::receive);
    assertThat(roundTrips).as("inputs protected and unprotected").isGreaterThan(5_000);
  }

  private void receive(byte[] input) {
    byte[] datagram = input.length <= DATAGRAM_BYTES ? input : Arrays.copyOf(input, DATAGRAM_BYTES);
    int len = datagram.length;
    byte[] buf = Arrays.copyOf(datagram, len);
    check(stranger.unprotectRtp(buf, 0, len) == SrtpTransform.REJECTED, "a forged SRTP packet was accepted");
    buf = Arrays.copyOf(datagram, len);
    check(stranger.unprotectRtcp(buf, 0, len) == SrtpTransform.REJECTED, "a forged SRTCP packet was accepted");
    // The short tag may, once in 2^32, verify by chance: only the bounds are certain.
    buf = Arrays.copyOf(datagram, len);
    int n = strangerShortTag.unprotectRtp(buf, 0, len);
    check(n == SrtpTransform.REJECTED || (n >= 12 && n <= len), "short-tag unprotect returned " + n);

    SrtpKeys keys = len % 2 == 0 ? KEYS : SHORT_TAG;
    roundTrip(datagram, keys, true);
    roundTrip(datagram, keys, false);
  }

  /** Protects as the peer would, then unprotects as we would: the same bytes, or refused by both ends. */
  private void roundTrip(byte[] plain, SrtpKeys keys, boolean rtp) {
    SrtpTransform tx = new SrtpTransform(keys), rx = new SrtpTransform(keys);
    byte[] buf = Arrays.copyOf(plain, plain.length + 20);
    int wire = rtp ? tx.protectRtp(buf, 0, plain.length) : tx.protectRtcp(buf, 0, plain.length);
    if (wire == SrtpTransform.REJECTED) return; // not RTP (or too short for RTCP): never sent
    int back = rtp ? rx.unprotectRtp(buf, 0, wire) : rx.unprotectRtcp(buf, 0, wire);
    String what = (rtp ? "SRTP" : "SRTCP") + " round trip of " + plain.length + " bytes";
    check(back == plain.length, what + " gave " + back);
    check(Arrays.equals(buf, 0, back, plain, 0, plain.length), what + " changed the bytes");
    roundTrips++;
  }

  private static void check(boolean ok, String what) {
    if (!ok) throw new AssertionError(what);
  }
}
