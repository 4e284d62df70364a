package dev.parley.media.rtcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testkit.fuzz.Fuzzer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Mutated datagrams through the RTCP receive path as a media worker runs it: one reusable
 * {@link RtcpParser} (SR, RR, SDES, BYE, padding, unknown types), then {@link RtcpSession#onReport}
 * of one long-lived session, whose SSRC the corpus's report blocks name so the loss, jitter, RTT and
 * MOS arithmetic runs on garbage too. Nothing may throw; a valid compound reports fields inside their
 * ranges and a CNAME inside the datagram; the figures the API shows stay finite and in range. The
 * corpus ({@code RtcpInputFuzzTestInputs/}) holds one compound of each shape, all valid.
 */
class RtcpInputFuzzTest {
  /** The SSRC the corpus's report blocks are about. */
  private static final long OUR_SSRC = 0x5EC0DE01L;
  /** As the engine has it: a worker receives into 2048 bytes. */
  private static final int DATAGRAM_BYTES = 2048;

  private final RtcpParser parser = new RtcpParser();
  private final long start = System.nanoTime();
  private final RtcpSession session =
      new RtcpSession(OUR_SSRC, "parley@127.0.0.1", new NtpTime(System.currentTimeMillis(), start), start);
  private long arrival = start;

  @Test
  void everySeedIsAValidCompound() {
    for (byte[] seed : Fuzzer.forCorpusOf(RtcpInputFuzzTest.class).corpus()) {
      assertThat(parser.parse(seed, 0, seed.length)).as("seed of %d bytes parses", seed.length).isTrue();
    }
  }

  @Test
  void anyDatagramIsRefusedOrReportsFieldsWithinRange() {
    Fuzzer.forCorpusOf(RtcpInputFuzzTest.class).rounds(30_000).run(this::receive);
    assertThat(session.stats().reportsReceived()).as("mutants that still parse").isPositive();
    assertThat(session.stats().badReports()).as("mutants refused").isPositive();
  }

  private void receive(byte[] input) {
    byte[] datagram = input.length <= DATAGRAM_BYTES ? input : Arrays.copyOf(input, DATAGRAM_BYTES);
    // At an offset, as the parser's contract allows: nothing before or after may be read.
    byte[] framed = new byte[datagram.length + 8];
    System.arraycopy(datagram, 0, framed, 3, datagram.length);
    boolean valid = parser.parse(framed, 3, datagram.length);
    if (valid) checkFields(3, datagram.length);
    arrival += 20_000_000;
    session.onReport(parser, valid, framed, arrival, 60);
    RtcpStats s = session.stats();
    check(s.roundTripMillis() == -1 || (s.roundTripMillis() >= 0 && s.roundTripMillis() < 40_000_000), "rtt " + s.roundTripMillis());
    check(s.remoteFractionLost() == -1 || (s.remoteFractionLost() >= 0 && s.remoteFractionLost() < 1),
        "fraction lost " + s.remoteFractionLost());
    check(Double.isFinite(s.remoteJitterMillis()), "jitter " + s.remoteJitterMillis());
    check(s.mos() == -1 || (s.mos() >= 1 && s.mos() <= 4.5), "MOS " + s.mos());
  }

  private void checkFields(int off, int len) {
    check(len >= 8 && len % 4 == 0, "a valid compound of " + len + " bytes");
    check(parser.blockCount() >= 0 && parser.blockCount() <= RtcpParser.MAX_BLOCKS, "blocks " + parser.blockCount());
    for (int i = 0; i < parser.blockCount(); i++) {
      check(parser.fractionLost(i) >= 0 && parser.fractionLost(i) <= 255, "fraction " + parser.fractionLost(i));
      check(parser.cumulativeLost(i) >= -(1 << 23) && parser.cumulativeLost(i) < (1 << 23), "lost " + parser.cumulativeLost(i));
      check(parser.jitter(i) >= 0 && parser.jitter(i) <= 0xffffffffL, "jitter " + parser.jitter(i));
    }
    if (parser.cnameLength() > 0) {
      check(parser.cnameOffset() >= off && parser.cnameOffset() + parser.cnameLength() <= off + len,
          "CNAME " + parser.cnameOffset() + "+" + parser.cnameLength() + " outside " + off + "+" + len);
    }
    check(parser.skippedPackets() >= 0, "skipped " + parser.skippedPackets());
  }

  private static void check(boolean ok, String what) {
    if (!ok) throw new AssertionError(what);
  }
}
