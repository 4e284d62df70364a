package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.testkit.BaresipControl;
import dev.parley.testkit.BaresipPeer;
import dev.parley.testkit.CountingRelay;
import dev.parley.testkit.ParleyProcess;
import dev.parley.testkit.TestConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * RTCP with a real baresip over a bad network: an {@link CountingRelay} delays every datagram by 20 ms
 * each way, every other RTP packet by 10 ms more, and drops every 25th RTP packet in both directions.
 * Both ends measure that path and tell each other in their reports, so what the API shows can be held
 * against what baresip says (its {@code CALL_RTCP} events carry its own statistics: {@code rx} what it
 * measured of our stream, {@code tx} what our reports told it, {@code rtt} from our report blocks) and
 * against what the relay did.
 *
 * <p>Ports: Parley SIP 15260, API 15261, relay SIP 15262 and RTP 18500-18501; baresip slot 75.
 */
@org.junit.jupiter.api.parallel.Isolated("the ITs run two at a time, but it checks jitter and round-trip figures, which a second IT would disturb")
class RtcpIT {
  private static final int SIP_PORT = 15260, API_PORT = 15261, RELAY_SIP_PORT = 15262, RELAY_RTP_PORT = 18500;
  private static final int DELAY_MS = 20, JITTER_MS = 10, DROP_EVERY = 25;
  private static final Duration EVENT_LIMIT = Duration.ofSeconds(10);
  private static final long REPORT_WAIT_NANOS = Duration.ofSeconds(40).toNanos();

  @Test
  void roundTripJitterAndLossInTheMemberViewMatchThePeerAndTheNetwork() throws Exception {
    Path dir = ItSupport.outDir(getClass(), "impaired");
    Path serverDir = dir.resolve("server");
    TestConfig config = TestConfig.forPort(SIP_PORT).withApiPort(API_PORT).withoutSounds().withLonely(false);
    // A longer start-up limit than ItSupport's: with eight builds on two cores the codec warm-up alone took 16 s.
    try (ParleyProcess server = ParleyProcess.start(config.writeTo(serverDir), serverDir.resolve("parley.log"),
            Duration.ofSeconds(120));
        CountingRelay link = new CountingRelay(RELAY_SIP_PORT, SIP_PORT, RELAY_RTP_PORT, DELAY_MS, JITTER_MS, DROP_EVERY);
        BaresipPeer peer = ItSupport.toneCaller(dir, 75, 440, -16)) {
      ApiClient api = new ApiClient(API_PORT, ApiClient.generatedToken(serverDir));
      peer.dialAndAwaitEstablished("sip:3000@127.0.0.1:" + RELAY_SIP_PORT, EVENT_LIMIT);

      // Reports come every 5 s (randomised 2.5-7.5): wait, bounded, until both ends have had two or
      // more from the other and the view and baresip agree on the same report of ours.
      JsonNode rtcp = null;
      Map<String, Object> theirs = null;
      long deadline = System.nanoTime() + REPORT_WAIT_NANOS;
      while (System.nanoTime() < deadline) {
        rtcp = member(api).path("media").path("rtcp");
        theirs = lastRtcpStats(peer);
        if (rtcp.path("reportsReceived").asLong() >= 2 && !rtcp.path("roundTripMillis").isNull()
            && !rtcp.path("remoteLostPackets").isNull() && rtcp.path("remoteLostPackets").asLong() > 0
            && rtcp.path("lostPackets").asLong() > 0 && theirs != null
            && number(tx(theirs), "lost") == rtcp.path("lostPackets").asLong()
            // baresip measures the round trip from a report of ours that echoes one of its SRs; ours
            // sent before its first SR arrived carry LSR 0 and leave its rtt at 0 (CI saw that once).
            && number(theirs, "rtt") > 0) {
          break;
        }
        Thread.sleep(200);
      }
      String why = "member rtcp " + rtcp + "; baresip " + theirs + "; relay up " + link.rtpUpPassed + "/"
          + link.rtpUpDropped + " down " + link.rtpDownPassed + "/" + link.rtpDownDropped;
      System.out.println(why);
      assertThat(theirs).as("baresip got our RTCP; " + why).isNotNull();
      assertThat(rtcp.path("reportsReceived").asLong()).as(why).isGreaterThanOrEqualTo(2);
      assertThat(rtcp.path("remoteCname").asText()).as(why).isNotBlank();

      // Loss of the member's stream: what our last report said is what baresip was told, and it is
      // what the relay dropped (up to the packets dropped since that report).
      long lost = rtcp.path("lostPackets").asLong();
      assertThat(number(tx(theirs), "lost")).as("baresip's tx.lost is our report; " + why).isEqualTo(lost);
      assertThat(lost).as(why).isPositive().isLessThanOrEqualTo(link.rtpUpDropped.get());
      assertThat(lost).as(why).isGreaterThanOrEqualTo(link.rtpUpDropped.get() - 8 * 50 / DROP_EVERY);
      // Its jitter: every other packet 10 ms late makes |D| = 10 ms per packet (RFC 3550 A.8); baresip
      // reports microseconds from our timestamp units (one unit is 125 us at 8 kHz).
      double jitter = rtcp.path("jitterMillis").asDouble();
      assertThat(jitter).as(why).isBetween(JITTER_MS * 0.6, JITTER_MS * 1.8);
      assertThat(number(tx(theirs), "jit") / 1000.0).as("baresip's tx.jit is our report; " + why)
          .isCloseTo(jitter, org.assertj.core.data.Offset.offset(0.3));

      // Our stream as baresip measured it and reported it to us.
      long remoteLost = rtcp.path("remoteLostPackets").asLong();
      assertThat(remoteLost).as(why).isPositive().isLessThanOrEqualTo(link.rtpDownDropped.get());
      // baresip's event is from when it got our last report, its RR from its own schedule: at most one
      // report interval (7.5 s, 15 drops) apart.
      assertThat(remoteLost).as("baresip's own count and its report agree; " + why)
          .isBetween(number(rx(theirs), "lost") - 8 * 50 / DROP_EVERY, number(rx(theirs), "lost") + 8 * 50 / DROP_EVERY);
      assertThat(rtcp.path("remoteJitterMillis").asDouble()).as(why).isBetween(JITTER_MS * 0.5, JITTER_MS * 2.0);

      // Round trip: 20 ms each way for the reports (RTCP is not given the extra jitter), plus scheduling.
      double rtt = rtcp.path("roundTripMillis").asDouble();
      assertThat(rtt).as(why).isBetween(2.0 * DELAY_MS - 1, 2.0 * DELAY_MS + 60);
      double theirRtt = number(theirs, "rtt") / 1000.0;
      assertThat(theirRtt).as("baresip's own RTT; " + why).isBetween(2.0 * DELAY_MS - 1, 2.0 * DELAY_MS + 60);
      assertThat(Math.abs(rtt - theirRtt)).as("both ends see the same path; " + why).isLessThan(40);

      // 4% loss costs the E-model about 13 points of R: well below a clean call's 4.4.
      assertThat(rtcp.path("mos").asDouble()).as(why).isBetween(3.0, 4.2);

      String metrics = api.getText("/metrics");
      assertThat(gauge(metrics, "parley_rtcp_reports_received")).isGreaterThanOrEqualTo(2);
      assertThat(gauge(metrics, "parley_rtcp_round_trip_max_milliseconds")).isGreaterThan(2.0 * DELAY_MS - 1);
      assertThat(gauge(metrics, "parley_mos_min")).isBetween(3.0, 4.2);

      // Leaving: our last compound carries a BYE (RFC 3550 §6.6).
      peer.hangup();
      peer.awaitEvent("CALL_CLOSED", EVENT_LIMIT);
      long byeDeadline = System.nanoTime() + EVENT_LIMIT.toNanos();
      while (link.rtcpDownByes.get() == 0 && System.nanoTime() < byeDeadline) Thread.sleep(50);
      assertThat(link.rtcpDownByes.get()).as("RTCP BYE from Parley when the member left").isPositive();
      assertThat(server.isAlive()).isTrue();
    }
  }

  private static JsonNode member(ApiClient api) {
    ApiClient.Reply r = api.get("/api/v1/rooms/3000/members");
    if (r.status() != 200) return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    JsonNode members = r.body().path("members");
    return members.size() == 1 ? members.get(0) : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> lastRtcpStats(BaresipPeer peer) {
    List<BaresipControl.Event> events = peer.events();
    for (int i = events.size() - 1; i >= 0; i--) {
      BaresipControl.Event e = events.get(i);
      if (e.type().equals("CALL_RTCP") && e.fields().get("rtcp_stats") instanceof Map<?, ?> m) {
        return (Map<String, Object>) m;
      }
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> tx(Map<String, Object> stats) {
    return (Map<String, Object>) stats.get("tx");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> rx(Map<String, Object> stats) {
    return (Map<String, Object>) stats.get("rx");
  }

  private static long number(Map<String, Object> m, String key) {
    Object v = m == null ? null : m.get(key);
    return v instanceof Number n ? n.longValue() : Long.MIN_VALUE;
  }

  private static double gauge(String metrics, String name) {
    for (String line : metrics.split("\n")) {
      if (line.startsWith(name + " ")) return Double.parseDouble(line.substring(name.length() + 1).trim());
    }
    throw new AssertionError("no " + name + " in /metrics:\n" + metrics);
  }
}
