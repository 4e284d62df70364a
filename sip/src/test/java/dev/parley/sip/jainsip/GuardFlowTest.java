package dev.parley.sip.jainsip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.sip.SipConfig;
import dev.parley.sip.SipGuard;
import dev.parley.sip.SipServerOptions;
import dev.parley.sip.testing.SipText;
import dev.parley.sip.testing.Templates;
import dev.parley.sip.testing.UdpSipClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link SipGuard} on a running server over raw UDP (port 15270): scanners refused with 403, a burst
 * over a source's limit answered 503 with Retry-After, requests of a dialog never limited.
 */
class GuardFlowTest {
  static final int PORT = 15270;
  private static final Duration WAIT = Duration.ofSeconds(3);
  private JainSipServer server;

  private void start(SipGuard guard) throws Exception {
    server = JainSipServer.start(new SipConfig("127.0.0.1", PORT, true, false, "Parley-guard"), call -> call.reject(404, null),
        StackOptions.DEFAULTS, SipServerOptions.none().withGuard(guard));
  }

  @AfterEach
  void stop() {
    if (server != null) server.close();
  }

  private static String request(UdpSipClient c, String method, String callId, String toTag, String userAgent) {
    Map<String, String> v = new HashMap<>(TortureTest.valuesFor(PORT, c.port()));
    v.put("method", method);
    v.put("callId", callId);
    v.put("toTag", toTag == null ? "" : ";tag=" + toTag);
    v.put("ua", userAgent == null ? "" : "User-Agent: " + userAgent + "\r\n");
    return Templates.fill("${method} sip:3000@127.0.0.1:${port} SIP/2.0\r\n"
        + "Via: SIP/2.0/UDP 127.0.0.1:${local};branch=${branch}\r\n"
        + "Max-Forwards: 70\r\n"
        + "From: <sip:probe@127.0.0.1>;tag=${tag}\r\n"
        + "To: <sip:3000@127.0.0.1>${toTag}\r\n"
        + "Call-ID: ${callId}\r\n"
        + "CSeq: 1 ${method}\r\n"
        + "${ua}Content-Length: 0\r\n\r\n", v);
  }

  @Test
  void scannersAreRefusedWith403AndPhonesAreServed() throws Exception {
    start(SipGuard.defaults());
    try (UdpSipClient c = UdpSipClient.open()) {
      for (String ua : List.of("friendly-scanner", "sipvicious", "sipcli/v1.8", "VaxSIPUserAgent/3.1")) {
        String id = Templates.token();
        c.send(request(c, "OPTIONS", id, null, ua), PORT);
        SipText r = c.awaitFinal(id, "OPTIONS", WAIT);
        assertThat(r).as("an answer to %s", ua).isNotNull();
        assertThat(r.status()).as(ua).isEqualTo(403);
      }
      String id = Templates.token();
      c.send(request(c, "OPTIONS", id, null, "baresip v1.0.0"), PORT);
      assertThat(c.awaitFinal(id, "OPTIONS", WAIT).status()).isEqualTo(200);
    }
  }

  @Test
  void aBurstOverTheLimitGets503WithRetryAfterButDialogRequestsAreNeverLimited() throws Exception {
    // Slow refill (one per 10 s), so the count below does not depend on how fast this machine is.
    start(SipGuard.defaults().withRate(0.1, 10, 7));
    try (UdpSipClient c = UdpSipClient.open()) {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        String id = Templates.token();
        ids.add(id);
        c.send(request(c, "OPTIONS", id, null, null), PORT);
      }
      int ok = 0;
      int refused = 0;
      for (String id : ids) {
        SipText r = c.awaitFinal(id, "OPTIONS", WAIT);
        if (r == null) continue; // a datagram the kernel dropped: neither counted
        if (r.status() == 200) ok++;
        if (r.status() == 503) {
          refused++;
          assertThat(r.header("Retry-After")).isEqualTo("7");
        }
      }
      assertThat(ok).as("the burst is served").isBetween(9, 10);
      assertThat(refused).as("the rest is refused").isGreaterThanOrEqualTo(15);
      // A request inside a dialog (To tag) is not limited: the stack's own answer (481) comes back.
      String id = Templates.token();
      c.send(request(c, "BYE", id, "t-" + id, null), PORT);
      SipText bye = c.awaitFinal(id, "BYE", WAIT);
      assertThat(bye).isNotNull();
      assertThat(bye.status()).isEqualTo(481);
      try (UdpSipClient other = UdpSipClient.open()) {
        String oid = Templates.token();
        other.send(request(other, "OPTIONS", oid, null, null), PORT);
        // The limit is per address, not per port: another port of the same host shares the bucket.
        assertThat(other.awaitFinal(oid, "OPTIONS", WAIT).status()).isEqualTo(503);
      }
    }
  }
}
