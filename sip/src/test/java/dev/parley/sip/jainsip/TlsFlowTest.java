package dev.parley.sip.jainsip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.sip.SipConfig;
import dev.parley.sip.SipStartException;
import dev.parley.sip.TlsConfig;
import dev.parley.sip.testing.RecordingHandler;
import dev.parley.sip.testing.SipText;
import dev.parley.sip.testing.TcpSipClient;
import dev.parley.sip.testing.Templates;
import dev.parley.sip.testing.UacDialog;
import dev.parley.sip.tls.SelfSignedCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIP over TLS (port 15251, UDP/TCP on 15241) with a self-signed certificate: calls, Contact, versions. */
class TlsFlowTest {
  static final int PORT = 15241;
  static final int TLS_PORT = 15251;
  static final Duration WAIT = Duration.ofSeconds(5);

  @TempDir Path dir;
  private JainSipServer server;
  private RecordingHandler handler;

  private void start(RecordingHandler h) throws Exception {
    handler = h;
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    SelfSignedCertificate.ensure(cert, key, "127.0.0.1");
    server = JainSipServer.start(
        new SipConfig("127.0.0.1", PORT, true, true, "Parley-test", new TlsConfig(TLS_PORT, cert, key)), handler,
        StackOptions.DEFAULTS);
  }

  @AfterEach
  void stop() {
    if (server != null) server.close();
  }

  @Test
  void aCallOverTlsIsAnsweredAndEndedOverTheSameConnection() throws Exception {
    start(new RecordingHandler((call, l) -> {
      call.setListener(l);
      call.answer(CallFlowTest.ANSWER);
      l.awaitPrefix("ack", WAIT);
      call.hangup();
    }));
    try (SSLSocket socket = connect("TLSv1.3", "TLSv1.2"); TcpSipClient client = TcpSipClient.over(socket)) {
      assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.3");
      UacDialog d = new UacDialog("TLS", client.localPort(), TLS_PORT, "3000").contact("<sip:uac@127.0.0.1:1;transport=tls>");
      client.send(d.invite(UacDialog.OFFER));
      SipText ok = client.await(m -> m.isResponse() && m.status() == 200, WAIT);
      assertThat(ok).isNotNull();
      // In-dialog requests must come back over TLS, to our TLS port.
      assertThat(ok.contactUri()).isEqualTo("sip:127.0.0.1:" + TLS_PORT + ";transport=tls");
      d.learn(ok);
      client.send(d.ack(null));
      SipText bye = client.await(m -> "BYE".equals(m.method()), WAIT);
      assertThat(bye).as("BYE on the same TLS connection").isNotNull();
      assertThat(bye.header("Via")).startsWith("SIP/2.0/TLS 127.0.0.1:" + TLS_PORT);
      client.send(UacDialog.okFor(bye));
      RecordingHandler.Seen seen = handler.next(WAIT);
      assertThat(seen.call().transport()).isEqualTo("tls");
    }
  }

  @Test
  void tlsOnePointTwoIsAcceptedOptionsAnswered() throws Exception {
    start(new RecordingHandler((call, l) -> call.reject(404, null)));
    try (SSLSocket socket = connect("TLSv1.2"); TcpSipClient client = TcpSipClient.over(socket)) {
      assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.2");
      String options = Templates.resource("sip/requests/options.sip").replace("SIP/2.0/UDP", "SIP/2.0/TLS");
      client.send(Templates.fill(options, TortureTest.valuesFor(TLS_PORT, client.localPort())));
      SipText ok = client.await(SipText::isResponse, WAIT);
      assertThat(ok.status()).isEqualTo(200);
    }
    // UDP and TCP still serve beside TLS.
    TortureTest.assertStillServing(PORT);
  }

  @Test
  void tlsOnePointOneAndOlderAreRefused() throws Exception {
    start(new RecordingHandler((call, l) -> call.reject(404, null)));
    // OpenSSL can still speak TLS 1.1 at security level 0 (the JDK client cannot even try): the server refuses it.
    Process p = new ProcessBuilder("openssl", "s_client", "-connect", "127.0.0.1:" + TLS_PORT, "-tls1_1",
        "-cipher", "DEFAULT@SECLEVEL=0", "-brief").redirectErrorStream(true).start();
    p.getOutputStream().close();
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.exitValue()).as(out).isNotZero();
    assertThat(out).doesNotContain("CONNECTION ESTABLISHED");
    // The same client at TLS 1.2 gets through, so the refusal is about the version.
    Process ok = new ProcessBuilder("openssl", "s_client", "-connect", "127.0.0.1:" + TLS_PORT, "-tls1_2", "-brief")
        .redirectErrorStream(true).start();
    ok.getOutputStream().close();
    assertThat(ok.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(new String(ok.getInputStream().readAllBytes())).contains("CONNECTION ESTABLISHED");
  }

  @Test
  void aKeyOfAnotherCertificateStopsTheStartWithTheFileNamed() throws Exception {
    Path cert = dir.resolve("a.pem");
    SelfSignedCertificate.ensure(cert, dir.resolve("a.key"), "127.0.0.1");
    Path otherKey = dir.resolve("b.key");
    SelfSignedCertificate.ensure(dir.resolve("b.pem"), otherKey, "127.0.0.1");
    SipConfig c = new SipConfig("127.0.0.1", PORT, true, true, "Parley-test", new TlsConfig(TLS_PORT, cert, otherKey));
    try {
      server = JainSipServer.start(c, new RecordingHandler((call, l) -> call.reject(404, null)), StackOptions.DEFAULTS);
      throw new AssertionError("started with a mismatched key");
    } catch (SipStartException e) {
      assertThat(e.getMessage()).contains("b.key").contains("does not belong to the certificate");
    }
    Files.writeString(dir.resolve("junk.pem"), "not a certificate\n");
    SipConfig junk = new SipConfig("127.0.0.1", PORT, true, true, "Parley-test",
        new TlsConfig(TLS_PORT, dir.resolve("junk.pem"), otherKey));
    try {
      server = JainSipServer.start(junk, new RecordingHandler((call, l) -> call.reject(404, null)), StackOptions.DEFAULTS);
      throw new AssertionError("started with no certificate");
    } catch (SipStartException e) {
      assertThat(e.getMessage()).contains("junk.pem").contains("no PEM certificate");
    }
  }

  /** A client that trusts anything: the test is about our server, not about certificate paths. */
  private static SSLSocket connect(String... protocols) throws Exception {
    TrustManager trustAll = new X509TrustManager() {
      @Override public void checkClientTrusted(X509Certificate[] chain, String authType) {}
      @Override public void checkServerTrusted(X509Certificate[] chain, String authType) {}
      @Override public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    };
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, new TrustManager[] {trustAll}, null);
    SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", TLS_PORT);
    s.setEnabledProtocols(protocols);
    s.startHandshake();
    assertThat(List.of(protocols)).contains(s.getSession().getProtocol());
    return s;
  }
}
