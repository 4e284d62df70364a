package dev.parley.sip.jainsip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.sip.SipConfig;
import dev.parley.sip.SipServer;
import dev.parley.sip.testing.RecordingHandler;
import dev.parley.sip.testing.SipText;
import dev.parley.sip.testing.Templates;
import dev.parley.sip.testing.UdpSipClient;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Torture-style requests (src/test/resources/sip/torture/, see its README) sent over a real UDP
 * socket to a running server. The file name says what must come back: {@code 404-...} that final
 * status, {@code none-...} nothing at all. After each one the server must still answer OPTIONS.
 *
 * <p>The handler refuses every call with 404, except user {@code 3000*1} with 486: an INVITE that
 * gets 404 or 486 went all the way through to the application.
 */
class TortureTest {
  static final int PORT = 15100;
  private static SipServer server;

  @BeforeAll
  static void start() throws Exception {
    server = SipServer.start(new SipConfig("127.0.0.1", PORT, true, true, "Parley-torture"),
        new RecordingHandler((call, l) -> call.reject("3000*1".equals(call.requestUser()) ? 486 : 404, null)));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @TestFactory
  Stream<DynamicTest> validRequests() throws Exception {
    return cases("valid");
  }

  @TestFactory
  Stream<DynamicTest> invalidRequests() throws Exception {
    return cases("invalid");
  }

  private Stream<DynamicTest> cases(String dir) throws IOException, URISyntaxException {
    Path root = Paths.get(getClass().getClassLoader().getResource("sip/torture/" + dir).toURI());
    List<Path> files;
    try (Stream<Path> s = Files.list(root)) {
      files = s.filter(p -> p.toString().endsWith(".sip")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> run(f)));
  }

  private void run(Path file) throws IOException {
    String name = file.getFileName().toString();
    String expected = name.substring(0, name.indexOf('-'));
    try (UdpSipClient client = UdpSipClient.open()) {
      Map<String, String> v = values(client);
      String text = Templates.fill(Files.readString(file), v);
      client.send(text, PORT);
      if (expected.equals("none")) {
        SipText any = client.await(m -> true, Duration.ofMillis(1500));
        assertThat(any).as("no response expected to %s", name).isNull();
      } else {
        SipText r = client.await(m -> m.isResponse() && m.status() >= 200, Duration.ofSeconds(3));
        assertThat(r).as("a final response to %s; got %s", name, client.received()).isNotNull();
        assertThat(r.status()).as("status for %s:\n%s", name, r).isEqualTo(Integer.parseInt(expected));
        checkHeaders(r);
        if ("INVITE".equals(r.cseqMethod())) ack(client, text, r);
      }
    }
    assertStillServing();
  }

  /**
   * What every response owes the peer: a status line on one line; and for the statuses we build
   * (not the stack's automatic 400/481/505, which carry neither) a To tag on a final response (RFC
   * 3261 §8.2.6.2) and our Server header. Plus what a status promises (§20.5, §20.40, §21.4.15).
   */
  private static void checkHeaders(SipText r) {
    assertThat(r.firstLine()).as("status line").doesNotContain("\n").doesNotContain("[C@");
    if (r.status() == 405) assertThat(r.header("Allow")).contains("INVITE");
    if (r.status() == 420) assertThat(r.header("Unsupported")).contains("nothingweknow");
    if (r.status() == 415) assertThat(r.header("Accept")).isEqualTo("application/sdp");
    if (r.status() == 400 || r.status() == 481 || r.status() == 505) return;
    assertThat(r.toTag()).as("To tag of a final response").isNotBlank();
    assertThat(r.header("Server")).isEqualTo("Parley-torture");
  }

  /** ACK for a non-2xx final response to an INVITE: same branch, the response's To (§17.1.1.3). */
  private static void ack(UdpSipClient client, String invite, SipText response) {
    SipText inv = SipText.parse(invite);
    String ack = "ACK " + inv.requestUri() + " SIP/2.0\r\n"
        + "Via: " + inv.header("Via") + "\r\n"
        + "From: " + inv.header("From") + "\r\n"
        + "To: " + response.header("To") + "\r\n"
        + "Call-ID: " + inv.callId() + "\r\n"
        + "CSeq: " + inv.header("CSeq").split(" ")[0] + " ACK\r\n"
        + "Max-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
    client.send(ack, PORT);
  }

  static void assertStillServing() {
    assertStillServing(PORT);
  }

  /**
   * A fresh OPTIONS over UDP to {@code port} gets 200. Sent like a real client would, again every
   * 500 ms (RFC 3261 Timer E): after a burst of junk the kernel may have dropped a datagram.
   */
  static void assertStillServing(int port) {
    try (UdpSipClient probe = UdpSipClient.open()) {
      String options = Templates.fill(Templates.resource("sip/requests/options.sip"), valuesFor(port, probe.port()));
      SipText ok = null;
      for (int attempt = 0; attempt < 6 && ok == null; attempt++) {
        probe.send(options, port);
        ok = probe.await(m -> m.isResponse() && m.status() >= 200, Duration.ofMillis(500));
      }
      assertThat(ok).as("the server still answers OPTIONS").isNotNull();
      assertThat(ok.status()).isEqualTo(200);
    }
  }

  static Map<String, String> values(UdpSipClient client) {
    return valuesFor(PORT, client.port());
  }

  /** Placeholder values for a request from {@code localPort} to {@code port}. */
  static Map<String, String> valuesFor(int port, int localPort) {
    Map<String, String> v = new HashMap<>();
    v.put("host", "127.0.0.1");
    v.put("port", Integer.toString(port));
    v.put("local", Integer.toString(localPort));
    v.put("branch", Templates.branch());
    v.put("tag", Templates.token());
    v.put("callId", Templates.token() + "@torture");
    return v;
  }
}
