package dev.parley.sip.jainsip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.sip.SipConfig;
import dev.parley.sip.SipServer;
import dev.parley.sip.SipStartException;
import dev.parley.sip.testing.RecordingHandler;
import dev.parley.sip.testing.SipText;
import dev.parley.sip.testing.Templates;
import dev.parley.sip.testing.UacDialog;
import dev.parley.sip.testing.UdpSipClient;
import java.net.ConnectException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Where responses go (RFC 3581), what the server survives, how it starts and stops (port 15103). */
class TransportTest {
  static final int PORT = 15103;
  static final Duration WAIT = Duration.ofSeconds(3);

  private SipServer server;

  private void start(boolean udp, boolean tcp) throws Exception {
    server = SipServer.start(new SipConfig("127.0.0.1", PORT, udp, tcp, null),
        new RecordingHandler((call, l) -> {
          call.setListener(l);
          call.answer(CallFlowTest.ANSWER);
        }));
  }

  @AfterEach
  void stop() {
    if (server != null) server.close();
  }

  private static String options(int viaPort, String viaParams) {
    Map<String, String> v = TortureTest.valuesFor(PORT, viaPort);
    return Templates.fill(Templates.resource("sip/requests/options.sip"), v).replace(";rport", viaParams);
  }

  @Test
  void withRportTheResponseGoesToTheSourcePort() throws Exception {
    start(true, true);
    try (UdpSipClient sender = UdpSipClient.open(); UdpSipClient viaPort = UdpSipClient.open()) {
      // Behind NAT the Via names a port the packets do not come from (RFC 3581 §4).
      sender.send(options(viaPort.port(), ";rport"), PORT);
      SipText ok = sender.await(SipText::isResponse, WAIT);
      assertThat(ok).as("response at the source port").isNotNull();
      assertThat(ok.status()).isEqualTo(200);
      assertThat(ok.header("Via")).contains("rport=" + sender.port()).contains("received=127.0.0.1");
      assertThat(viaPort.await(m -> true, Duration.ofMillis(300))).isNull();
    }
  }

  @Test
  void withoutRportTheResponseGoesToTheViaPort() throws Exception {
    start(true, true);
    try (UdpSipClient sender = UdpSipClient.open(); UdpSipClient viaPort = UdpSipClient.open()) {
      sender.send(options(viaPort.port(), ""), PORT); // RFC 3261 §18.2.2: sent-by port
      SipText ok = viaPort.await(SipText::isResponse, WAIT);
      assertThat(ok).as("response at the Via port").isNotNull();
      assertThat(ok.status()).isEqualTo(200);
      assertThat(sender.await(m -> true, Duration.ofMillis(300))).isNull();
    }
  }

  @Test
  void garbageDatagramsAreSurvived() throws Exception {
    start(true, true);
    Random random = new Random(42);
    try (UdpSipClient client = UdpSipClient.open()) {
      for (int i = 0; i < 300; i++) {
        byte[] junk = new byte[1 + random.nextInt(1500)];
        random.nextBytes(junk);
        client.sendBytes(junk, PORT);
      }
      client.sendBytes(new byte[0], PORT);
      client.sendBytes(new byte[60_000], PORT);
      client.sendBytes("\r\n\r\n".getBytes(StandardCharsets.US_ASCII), PORT); // RFC 5626 keep-alive
      client.sendBytes("SIP/2.0 200 OK\r\n\r\n".getBytes(StandardCharsets.US_ASCII), PORT);
      client.sendBytes("INVITE sip:3000@127.0.0.1 SIP/2.0\r\n".getBytes(StandardCharsets.US_ASCII), PORT);
      byte[] truncated = options(client.port(), ";rport").substring(0, 120).getBytes(StandardCharsets.US_ASCII);
      client.sendBytes(truncated, PORT);
    }
    TortureTest.assertStillServing(PORT);
  }

  @Test
  void aPortInUseIsReportedWithAddressPortAndTransport() throws Exception {
    try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 15104))) {
      assertThatThrownBy(() -> SipServer.start(new SipConfig("127.0.0.1", 15104, true, true, null), call -> {}))
          .isInstanceOf(SipStartException.class)
          .hasMessageContaining("127.0.0.1:15104")
          .hasMessageContaining("UDP");
    }
    // and the failed attempt released everything: the port can be used now
    SipServer.start(new SipConfig("127.0.0.1", 15104, true, true, null), call -> {}).close();
  }

  @Test
  void aTcpPortInUseFailsCleanlyAfterUdpWasBound() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(15104, 5, InetAddress.getLoopbackAddress())) {
      // UDP binds first, TCP fails; the RI's own cleanup would die on the half-made TCP listener.
      assertThatThrownBy(() -> SipServer.start(new SipConfig("127.0.0.1", 15104, true, true, null), call -> {}))
          .isInstanceOf(SipStartException.class)
          .hasMessage("cannot listen for SIP on 127.0.0.1:15104 over TCP: Address already in use");
      assertUdpPortFreedWithin(15104, 3000);
    }
  }

  /**
   * The stack closes its UDP socket on its own thread after a failed start: on a loaded machine that
   * can take a moment, so the port is tried until it binds or the time is up.
   */
  private static void assertUdpPortFreedWithin(int port, long millis) throws Exception {
    long deadline = System.nanoTime() + millis * 1_000_000L;
    while (true) {
      try {
        new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)).close();
        return;
      } catch (java.net.BindException stillBound) {
        if (System.nanoTime() > deadline) throw stillBound;
        Thread.sleep(50);
      }
    }
  }

  @Test
  void udpOnlyDoesNotListenOnTcp() throws Exception {
    start(true, false);
    assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), PORT).close()).isInstanceOf(ConnectException.class);
    TortureTest.assertStillServing(PORT);
  }

  @Test
  void responsesCarryNoServerHeaderWithoutAUserAgent() throws Exception {
    start(true, true);
    try (UdpSipClient client = UdpSipClient.open()) {
      client.send(options(client.port(), ";rport"), PORT);
      SipText ok = client.await(SipText::isResponse, WAIT);
      assertThat(ok.status()).isEqualTo(200);
      assertThat(ok.header("Server")).isNull();
    }
  }

  @Test
  void closingEndsLiveCallsWithError() throws Exception {
    RecordingHandler handler = new RecordingHandler((call, l) -> {
      call.setListener(l);
      call.answer(CallFlowTest.ANSWER);
    });
    server = SipServer.start(new SipConfig("127.0.0.1", PORT, true, true, null), handler);
    try (UdpSipClient client = UdpSipClient.open()) {
      UacDialog d = new UacDialog("UDP", client.port(), PORT, "3000");
      client.send(d.invite(UacDialog.OFFER), PORT);
      d.learn(client.awaitFinal(d.callId(), "INVITE", WAIT));
      client.send(d.ack(null), PORT);
      RecordingHandler.Seen seen = handler.next(WAIT);
      assertThat(seen.listener().nextText(WAIT)).isEqualTo("ack");
      server.close();
      server.close(); // idempotent
      assertThat(seen.listener().nextText(WAIT)).isEqualTo("ended:ERROR");
      assertThat(seen.call().isTerminated()).isTrue();
    }
  }
}
