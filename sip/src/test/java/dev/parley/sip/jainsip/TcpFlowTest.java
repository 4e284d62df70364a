package dev.parley.sip.jainsip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.sip.SipConfig;
import dev.parley.sip.testing.RecordingHandler;
import dev.parley.sip.testing.SipText;
import dev.parley.sip.testing.TcpSipClient;
import dev.parley.sip.testing.Templates;
import dev.parley.sip.testing.UacDialog;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Calls over TCP (port 15102): Contact transport, and a BYE that reuses the caller's connection. */
class TcpFlowTest {
  static final int PORT = 15102;
  static final Duration WAIT = Duration.ofSeconds(3);

  private JainSipServer server;
  private RecordingHandler handler;

  private void start(RecordingHandler h) throws Exception {
    handler = h;
    server = JainSipServer.start(new SipConfig("127.0.0.1", PORT, true, true, "Parley-test"), handler, StackOptions.DEFAULTS);
  }

  @AfterEach
  void stop() {
    if (server != null) server.close();
  }

  @Test
  void byeOfATcpCallGoesBackOverTheCallersConnection() throws Exception {
    start(new RecordingHandler((call, l) -> {
      call.setListener(l);
      call.answer(CallFlowTest.ANSWER);
      l.awaitPrefix("ack", WAIT);
      call.hangup();
    }));
    try (TcpSipClient client = TcpSipClient.connect(PORT)) {
      // A Contact that leads nowhere (port 1, no transport=tcp): only the open connection works.
      UacDialog d = new UacDialog("TCP", client.localPort(), PORT, "3000").contact("<sip:uac@127.0.0.1:1>");
      client.send(d.invite(UacDialog.OFFER));
      SipText trying = client.await(m -> m.isResponse(), WAIT);
      assertThat(trying.status()).isEqualTo(100);
      SipText ok = client.await(m -> m.isResponse() && m.status() == 200, WAIT);
      assertThat(ok).isNotNull();
      assertThat(ok.contactUri()).isEqualTo("sip:127.0.0.1:" + PORT + ";transport=tcp");
      d.learn(ok);
      client.send(d.ack(null));
      SipText bye = client.await(m -> "BYE".equals(m.method()), WAIT);
      assertThat(bye).as("BYE on the same TCP connection").isNotNull();
      assertThat(bye.header("Via")).startsWith("SIP/2.0/TCP 127.0.0.1:" + PORT);
      assertThat(bye.requestUri()).isEqualTo("sip:uac@127.0.0.1:1");
      client.send(UacDialog.okFor(bye));
      RecordingHandler.Seen seen = handler.next(WAIT);
      assertThat(seen.call().transport()).isEqualTo("tcp");
      assertThat(seen.call().remotePort()).isEqualTo(client.localPort());
      assertThat(seen.listener().awaitPrefix("ended", WAIT).text()).isEqualTo("ended:LOCAL_HANGUP");
    }
  }

  @Test
  void remoteByeOverTcp() throws Exception {
    start(new RecordingHandler((call, l) -> {
      call.setListener(l);
      call.answer(CallFlowTest.ANSWER);
    }));
    try (TcpSipClient client = TcpSipClient.connect(PORT)) {
      UacDialog d = new UacDialog("TCP", client.localPort(), PORT, "3000").contact("<sip:uac@127.0.0.1:" + client.localPort() + ";transport=tcp>");
      client.send(d.invite(UacDialog.OFFER));
      SipText ok = client.await(m -> m.isResponse() && m.status() == 200, WAIT);
      d.learn(ok);
      client.send(d.ack(null));
      client.send(d.bye());
      SipText byeOk = client.await(m -> m.isResponse() && "BYE".equals(m.cseqMethod()), WAIT);
      assertThat(byeOk.status()).isEqualTo(200);
      assertThat(handler.next(WAIT).listener().awaitPrefix("ended", WAIT).text()).isEqualTo("ended:REMOTE_BYE");
    }
  }

  @Test
  void optionsOverTcpNamesTcpInContact() throws Exception {
    start(new RecordingHandler((call, l) -> call.reject(404, null)));
    try (TcpSipClient client = TcpSipClient.connect(PORT)) {
      String options = Templates.resource("sip/requests/options.sip").replace("SIP/2.0/UDP", "SIP/2.0/TCP");
      client.send(Templates.fill(options, TortureTest.valuesFor(PORT, client.localPort())));
      SipText ok = client.await(SipText::isResponse, WAIT);
      assertThat(ok.status()).isEqualTo(200);
      assertThat(ok.contactUri()).isEqualTo("sip:127.0.0.1:" + PORT + ";transport=tcp");
    }
  }

  @Test
  void garbageOnATcpConnectionDoesNotHurtTheServer() throws Exception {
    start(new RecordingHandler((call, l) -> call.reject(404, null)));
    byte[] junk = new byte[4096];
    new java.util.Random(7).nextBytes(junk);
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), PORT)) {
      OutputStream out = s.getOutputStream();
      out.write(junk);
      out.write("INVITE sip:x SIP/2.0\r\nContent-Length: 99999999999999999999999\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.write("\r\n\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }
    try (TcpSipClient client = TcpSipClient.connect(PORT)) {
      String options = Templates.resource("sip/requests/options.sip").replace("SIP/2.0/UDP", "SIP/2.0/TCP");
      client.send(Templates.fill(options, TortureTest.valuesFor(PORT, client.localPort())));
      SipText ok = client.await(SipText::isResponse, WAIT);
      assertThat(ok).as("OPTIONS over a new connection").isNotNull();
      assertThat(ok.status()).isEqualTo(200);
    }
    TortureTest.assertStillServing(PORT);
  }
}
