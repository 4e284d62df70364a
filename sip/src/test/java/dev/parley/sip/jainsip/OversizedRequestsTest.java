package dev.parley.sip.jainsip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.sip.SipConfig;
import dev.parley.sip.SipServer;
import dev.parley.sip.testing.RecordingHandler;
import dev.parley.sip.testing.SipText;
import dev.parley.sip.testing.TcpSipClient;
import dev.parley.sip.testing.Templates;
import dev.parley.sip.testing.UdpSipClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests too big to serve, on a running server (UDP and TCP on port 15274): thousands of header
 * fields get 513, a body over 16 KiB 413, a TCP message over 64 KiB loses its connection; and the
 * server goes on serving. The handler sees none of them.
 */
class OversizedRequestsTest {
  static final int PORT = 15274;
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static SipServer server;
  private static RecordingHandler handler;

  @BeforeAll
  static void start() throws Exception {
    handler = new RecordingHandler((call, l) -> call.reject(404, null));
    server = SipServer.start(new SipConfig("127.0.0.1", PORT, true, true, "Parley-big"), handler);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String invite(int localPort, String transport, String extraHeaders, String body) {
    Map<String, String> v = TortureTest.valuesFor(PORT, localPort);
    return Templates.fill("INVITE sip:3000@127.0.0.1:${port} SIP/2.0\r\n"
        + "Via: SIP/2.0/" + transport + " 127.0.0.1:${local};branch=${branch};rport\r\n"
        + "Max-Forwards: 70\r\nFrom: <sip:big@127.0.0.1>;tag=${tag}\r\nTo: <sip:3000@127.0.0.1>\r\n"
        + "Call-ID: ${callId}\r\nCSeq: 1 INVITE\r\nContact: <sip:big@127.0.0.1:${local}>\r\n", v)
        + extraHeaders + "Content-Type: application/sdp\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
  }

  @Test
  void thousandsOfHeaderFieldsAreRefused513() {
    try (UdpSipClient c = UdpSipClient.open()) {
      String many = "X-Filler: abcdefgh\r\n".repeat(2_500); // 50 KB: still one datagram
      c.send(invite(c.port(), "UDP", many, ""), PORT);
      SipText r = c.await(m -> m.isResponse() && m.status() >= 200, WAIT);
      assertThat(r).as("a final answer").isNotNull();
      assertThat(r.status()).isEqualTo(513);
    }
    assertThat(handler.next(Duration.ofMillis(300))).as("the handler saw it").isNull();
    TortureTest.assertStillServing(PORT);
  }

  @Test
  void aBodyOver16KiBIsRefused413() {
    try (UdpSipClient c = UdpSipClient.open()) {
      String sdp = "v=0\r\n" + "a=x-filler:0123456789abcdef0123456789abcdef\r\n".repeat(500);
      c.send(invite(c.port(), "UDP", "", sdp), PORT);
      SipText r = c.await(m -> m.isResponse() && m.status() >= 200, WAIT);
      assertThat(r).as("a final answer").isNotNull();
      assertThat(r.status()).isEqualTo(413);
    }
    assertThat(handler.next(Duration.ofMillis(300))).as("the handler saw it").isNull();
    TortureTest.assertStillServing(PORT);
  }

  @Test
  void aTcpMessageOver64KiBLosesItsConnectionAndTheServerGoesOn() {
    try (TcpSipClient c = TcpSipClient.connect(PORT)) {
      String body = "a=x:" + "y".repeat(80_000) + "\r\n";
      c.send(invite(c.localPort(), "TCP", "", body));
      SipText r = c.await(m -> m.isResponse() && m.status() >= 200, WAIT);
      assertThat(r).as("no answer to a message past the stack's 64 KiB limit").isNull();
    }
    assertThat(handler.next(Duration.ofMillis(300))).as("the handler saw it").isNull();
    try (TcpSipClient c = TcpSipClient.connect(PORT)) {
      c.send(invite(c.localPort(), "TCP", "", "v=0\r\n"));
      SipText r = c.await(m -> m.isResponse() && m.status() >= 200, WAIT);
      assertThat(r).as("a new connection is served").isNotNull();
      assertThat(r.status()).isEqualTo(404);
    }
    assertThat(handler.next(WAIT)).as("the small one reached the handler").isNotNull();
  }
}
