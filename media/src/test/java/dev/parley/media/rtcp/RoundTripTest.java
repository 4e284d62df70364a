package dev.parley.media.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RoundTripTest {
  private static final long MS = 1_000_000L;

  @Test
  void theRfc3550ExampleGivesSixPointOneTwoFiveSeconds() {
    // RFC 3550 §6.4.1, figure 2: A = 0xb710:8000, LSR = 0xb705:2000, DLSR = 0x0005:4000.
    assertThat(RtcpSession.roundTripMillis(0xb7108000L, 0xb7052000L, 0x00054000L)).isEqualTo(6125.0);
  }

  @Test
  void noEchoedSenderReportMeansNoRoundTrip() {
    assertThat(RtcpSession.roundTripMillis(0xb7108000L, 0, 0)).isEqualTo(-1);
    assertThat(RtcpSession.roundTripMillis(0x00001000L, 0x00002000L, 0)).as("negative").isEqualTo(-1);
  }

  @Test
  void ntpTimeAdvancesWithTheMonotonicClock() {
    NtpTime ntp = new NtpTime(0, 0);
    assertThat(ntp.at(0) >>> 32).isEqualTo(NtpTime.EPOCH_OFFSET_SECONDS);
    assertThat(ntp.at(1_500 * MS) - ntp.at(0)).isEqualTo(3L << 31);
    assertThat(NtpTime.middle(ntp.at(1_500 * MS)) - NtpTime.middle(ntp.at(0))).isEqualTo(0x18000L);
  }

  @Test
  void twoSessionsMeasureTheRoundTripBetweenThem() {
    // Ours sends an SR at t = 10 s; it takes 30 ms to the peer, which reports 400 ms later; that takes
    // 30 ms back: the RTT is 60 ms whatever the peer's own clock says.
    NtpTime ourClock = new NtpTime(1_700_000_000_000L, 0);
    NtpTime theirClock = new NtpTime(1_600_000_000_000L, 77 * MS);
    RtcpSession ours = new RtcpSession(0xaaaa, "us", ourClock, 0);
    RtcpSession theirs = new RtcpSession(0xbbbb, "them", theirClock, 0);
    ours.codec("PCMU", 8000);
    theirs.codec("PCMU", 8000);
    long t = 0;
    for (int i = 0; i < 500; i++, t += 20 * MS) {
      ours.onSent(160, 160L * i, t);
      theirs.onReceived(0xaaaa, i, 160L * i, t + 30 * MS);
    }
    RtcpParser parser = new RtcpParser();
    int n = ours.poll(10_000 * MS, true);
    assertThat(n).isPositive();
    assertThat(parser.parse(ours.buffer(), 0, n)).isTrue();
    assertThat(parser.senderReport()).isTrue();
    assertThat(parser.senderPacketCount()).isEqualTo(500);
    assertThat(parser.senderOctetCount()).isEqualTo(500 * 160);
    theirs.onReport(parser, true, ours.buffer(), 10_030 * MS, 40);
    int m = theirs.poll(10_430 * MS, false);
    assertThat(m).isPositive();
    byte[] reply = theirs.buffer().clone();
    assertThat(parser.parse(reply, 0, m)).isTrue();
    assertThat(parser.senderReport()).isFalse();
    assertThat(parser.blockSsrc(0)).isEqualTo(0xaaaa);
    ours.onReport(parser, true, reply, 10_460 * MS, 40);
    assertThat(ours.stats().roundTripMillis()).isCloseTo(60.0, within(0.1));
    assertThat(ours.stats().remoteCumulativeLost()).isZero();
    assertThat(ours.stats().remoteCname()).isEqualTo("them");
    assertThat(ours.stats().mos()).isBetween(4.3, 4.41);
  }

  @Test
  void reportsComeAtRandomisedFiveSecondIntervals() {
    RtcpSession s = new RtcpSession(1, "x", new NtpTime(0, 0), 0);
    long t = 0;
    long last = -1;
    int reports = 0;
    long min = Long.MAX_VALUE, max = 0;
    for (; t < 600_000 * MS; t += 20 * MS) {
      if (s.poll(t, false) > 0) {
        if (last < 0) {
          assertThat(t).as("the first report after half the minimum, randomised").isBetween(1_250 * MS, 3_770 * MS);
        } else {
          min = Math.min(min, t - last);
          max = Math.max(max, t - last);
        }
        last = t;
        reports++;
      }
    }
    assertThat(reports).isBetween(100, 140);
    assertThat(min).isBetween(2_500 * MS, 3_500 * MS);
    assertThat(max).isBetween(6_500 * MS, 7_520 * MS);
  }
}
