package dev.parley.sip.jainsip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.sip.IncomingCall;
import dev.parley.sip.SipConfig;
import dev.parley.sip.testing.RecordingHandler;
import dev.parley.sip.testing.RecordingListener;
import dev.parley.sip.testing.SipText;
import dev.parley.sip.testing.UacDialog;
import dev.parley.sip.testing.UdpSipClient;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Call flows over UDP, driven byte by byte from a raw socket (port 15101). */
class CallFlowTest {
  static final int PORT = 15101;
  static final Duration WAIT = Duration.ofSeconds(3);
  static final String ANSWER = "v=0\r\no=parley 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\n";

  private JainSipServer server;
  private RecordingHandler handler;

  private void start(BiConsumer<IncomingCall, RecordingListener> behaviour, StackOptions options) throws Exception {
    handler = new RecordingHandler(behaviour);
    server = JainSipServer.start(new SipConfig("127.0.0.1", PORT, true, true, "Parley-test"), handler, options);
  }

  private void start(BiConsumer<IncomingCall, RecordingListener> behaviour) throws Exception {
    start(behaviour, StackOptions.DEFAULTS);
  }

  @AfterEach
  void stop() {
    if (server != null) server.close();
  }

  private static final BiConsumer<IncomingCall, RecordingListener> ANSWERS = (call, l) -> {
    call.setListener(l);
    call.ringing();
    call.answer(ANSWER);
  };

  /** INVITE -> 200 -> ACK, returning the dialog and the 200. */
  private SipText establish(UdpSipClient client, UacDialog d) {
    client.send(d.invite(UacDialog.OFFER), PORT);
    SipText ok = client.awaitFinal(d.callId(), "INVITE", WAIT);
    assertThat(ok).as("200 for the INVITE; got %s", client.received()).isNotNull();
    assertThat(ok.status()).isEqualTo(200);
    d.learn(ok);
    client.send(d.ack(null), PORT);
    return ok;
  }

  @Test
  void inviteGetsTryingAtOnceThenRingingAndOk() throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    start((call, l) -> {
      await(go);
      ANSWERS.accept(call, l);
    });
    try (UdpSipClient client = UdpSipClient.open()) {
      UacDialog d = new UacDialog("UDP", client.port(), PORT, "3000");
      client.send(d.invite(UacDialog.OFFER), PORT);
      // The handler is still blocked: the 100 cannot come from it.
      SipText trying = client.await(m -> m.isResponse(), Duration.ofMillis(150));
      assertThat(trying).as("100 Trying within 150 ms").isNotNull();
      assertThat(trying.status()).isEqualTo(100);
      go.countDown();
      SipText ringing = client.await(m -> m.isResponse() && m.status() == 180, WAIT);
      SipText ok = client.awaitFinal(d.callId(), "INVITE", WAIT);
      assertThat(ringing).isNotNull();
      assertThat(ok.status()).isEqualTo(200);
      assertThat(ok.toTag()).isNotBlank().isEqualTo(ringing.toTag());
      assertThat(ok.contactUri()).isEqualTo("sip:127.0.0.1:" + PORT);
      assertThat(ringing.contactUri()).isEqualTo("sip:127.0.0.1:" + PORT);
      assertThat(ok.header("Content-Type")).isEqualTo("application/sdp");
      assertThat(ok.body()).isEqualTo(ANSWER);
      assertThat(ok.header("Allow")).contains("INVITE").contains("BYE");
      assertThat(ok.header("Server")).isEqualTo("Parley-test");

      RecordingHandler.Seen seen = handler.next(WAIT);
      IncomingCall call = seen.call();
      assertThat(seen.virtualThread()).isTrue();
      assertThat(call.callId()).isEqualTo(d.callId());
      assertThat(call.requestUser()).isEqualTo("3000");
      assertThat(call.fromUri()).isEqualTo("sip:caller@127.0.0.1:" + client.port());
      assertThat(call.fromUser()).isEqualTo("caller");
      assertThat(call.fromDisplayName()).isEqualTo("Test Caller");
      assertThat(call.toUri()).isEqualTo("sip:3000@127.0.0.1:" + PORT);
      assertThat(call.remoteHost()).isEqualTo("127.0.0.1");
      assertThat(call.remotePort()).isEqualTo(client.port());
      assertThat(call.transport()).isEqualTo("udp");
      assertThat(call.offerSdp()).isEqualTo(UacDialog.OFFER);
      assertThat(call.header("max-forwards")).isEqualTo("70");
      assertThat(call.header("X-Nothing")).isNull();
    }
  }

  @Test
  void okIsRetransmittedUntilTheAckArrives() throws Exception {
    start(ANSWERS);
    try (UdpSipClient client = UdpSipClient.open()) {
      UacDialog d = new UacDialog("UDP", client.port(), PORT, "3000");
      client.send(d.invite(UacDialog.OFFER), PORT);
      SipText first = client.awaitFinal(d.callId(), "INVITE", WAIT);
      d.learn(first);
      // RFC 3261 §13.3.1.4: again after T1 (500 ms) and 2*T1.
      SipText again = client.awaitFinal(d.callId(), "INVITE", Duration.ofMillis(800));
      SipText third = client.awaitFinal(d.callId(), "INVITE", Duration.ofMillis(1300));
      assertThat(again).as("first retransmission").isNotNull();
      assertThat(third).as("second retransmission").isNotNull();
      client.send(d.ack(null), PORT);
      assertThat(handler.next(WAIT).listener().nextText(WAIT)).isEqualTo("ack");
      assertThat(client.awaitFinal(d.callId(), "INVITE", Duration.ofMillis(2500))).as("no 200 after the ACK").isNull();
    }
  }

  @Test
  void remoteByeIsAnswered200AndEndsTheCall() throws Exception {
    start(ANSWERS);
    try (UdpSipClient client = UdpSipClient.open()) {
      UacDialog d = new UacDialog("UDP", client.port(), PORT, "3000");
      establish(client, d);
      client.send(d.bye(), PORT);
      SipText ok = client.awaitFinal(d.callId(), "BYE", WAIT);
      assertThat(ok.status()).isEqualTo(200);
      RecordingListener l = handler.next(WAIT).listener();
      assertThat(l.nextText(WAIT)).isEqualTo("ack");
      assertThat(l.nextText(WAIT)).isEqualTo("ended:REMOTE_BYE");
      assertThat(l.next(Duration.ofMillis(300))).as("nothing after onEnded").isNull();
      // the dialog is gone: a second BYE finds nothing (RFC 3261 §15.1.2)
      client.send(d.bye(), PORT);
      assertThat(client.awaitFinal(d.callId(), "BYE", WAIT).status()).isEqualTo(481);
    }
  }

  @Test
  void localHangupSendsByeToTheContact() throws Exception {
    start((call, l) -> {
      ANSWERS.accept(call, l);
      l.awaitPrefix("ack", WAIT);
      call.hangup();
      call.hangup(); // idempotent
    });
    try (UdpSipClient client = UdpSipClient.open(); UdpSipClient contact = UdpSipClient.open()) {
      // The BYE goes to the remote target, the Contact (RFC 3261 §12.2.1.1), not to the source.
      UacDialog d = new UacDialog("UDP", client.port(), PORT, "3000").contact("<sip:uac@127.0.0.1:" + contact.port() + ">");
      establish(client, d);
      SipText bye = contact.await(m -> "BYE".equals(m.method()), WAIT);
      assertThat(bye).as("BYE at the Contact address").isNotNull();
      assertThat(bye.requestUri()).isEqualTo("sip:uac@127.0.0.1:" + contact.port());
      assertThat(bye.header("User-Agent")).isEqualTo("Parley-test");
      assertThat(bye.header("Via")).startsWith("SIP/2.0/UDP 127.0.0.1:" + PORT);
      contact.send(UacDialog.okFor(bye), PORT);
      RecordingHandler.Seen seen = handler.next(WAIT);
      assertThat(seen.listener().awaitPrefix("ended", WAIT).text()).isEqualTo("ended:LOCAL_HANGUP");
      assertThat(seen.call().isTerminated()).isTrue();
      assertThat(contact.await(m -> "BYE".equals(m.method()), Duration.ofMillis(1500))).as("one BYE, answered").isNull();
    }
  }

  @Test
  void hangupBeforeTheAckSendsByeOnlyAfterIt() throws Exception {
    start((call, l) -> {
      ANSWERS.accept(call, l);
      call.hangup();
    });
    try (UdpSipClient client = UdpSipClient.open()) {
      UacDialog d = new UacDialog("UDP", client.port(), PORT, "3000");
      client.send(d.invite(UacDialog.OFFER), PORT);
      SipText ok = client.awaitFinal(d.callId(), "INVITE", WAIT);
      d.learn(ok);
      RecordingHandler.Seen seen = handler.next(WAIT);
      assertThat(seen.listener().nextText(WAIT)).isEqualTo("ended:LOCAL_HANGUP");
      // RFC 3261 §15: the callee must not send BYE before the ACK.
      assertThat(client.await(m -> "BYE".equals(m.method()), Duration.ofMillis(1200))).isNull();
      client.send(d.ack(null), PORT);
      SipText bye = client.await(m -> "BYE".equals(m.method()), WAIT);
      assertThat(bye).as("BYE after the ACK").isNotNull();
      client.send(UacDialog.okFor(bye), PORT);
      assertThat(seen.listener().next(Duration.ofMillis(300))).as("no onAck after the hangup").isNull();
    }
  }

  @Test
  void missingAckEndsTheCallWithBye() throws Exception {
    // Answered without a 1xx, so the dialog is never early: the RI would then not report the timeout.
    start((call, l) -> {
      call.setListener(l);
      call.answer(ANSWER);
    }, StackOptions.DEFAULTS.withAckTimeoutTicks(4)); // 2 s instead of 32 s
    try (UdpSipClient client = UdpSipClient.open()) {
      UacDialog d = new UacDialog("UDP", client.port(), PORT, "3000");
      client.send(d.invite(UacDialog.OFFER), PORT);
      assertThat(client.awaitFinal(d.callId(), "INVITE", WAIT).status()).isEqualTo(200);
      RecordingHandler.Seen seen = handler.next(WAIT);
      assertThat(seen.listener().awaitPrefix("ended", Duration.ofSeconds(6)).text()).isEqualTo("ended:ACK_TIMEOUT");
      SipText bye = client.await(m -> "BYE".equals(m.method()), WAIT);
      assertThat(bye).as("BYE after the ACK timeout (RFC 3261 §13.3.1.4)").isNotNull();
      client.send(UacDialog.okFor(bye), PORT);
    }
  }

  @Test
  void aRetransmittedAckIsDeliveredOnce() throws Exception {
    start(ANSWERS);
    try (UdpSipClient client = UdpSipClient.open()) {
      UacDialog d = new UacDialog("UDP", client.port(), PORT, "3000");
      client.send(d.invite(UacDialog.OFFER), PORT);
      d.learn(client.awaitFinal(d.callId(), "INVITE", WAIT));
      String ack = d.ack(null);
      client.send(ack, PORT);
      client.send(ack, PORT); // the peer saw our 200 twice and acknowledged both (RFC 3261 §13.2.2.4)
      client.send(ack, PORT);
      RecordingListener l = handler.next(WAIT).listener();
      assertThat(l.nextText(WAIT)).isEqualTo("ack");
      assertThat(l.next(Duration.ofMillis(700))).isNull();
    }
  }

  @Test
  void aMergedRequestIsAnswered482() throws Exception {
    start((call, l) -> call.ringing());
    try (UdpSipClient client = UdpSipClient.open()) {
      UacDialog d = new UacDialog("UDP", client.port(), PORT, "3000");
      String first = d.invite(UacDialog.OFFER);
      client.send(first, PORT);
      assertThat(client.await(m -> m.status() == 180, WAIT)).isNotNull();
      // The same request forked back to us over another path: same From tag, Call-ID and CSeq,
      // another branch (RFC 3261 §8.2.2.2).
      String second = first.replaceFirst("branch=[^;\\r]+", "branch=z9hG4bK-other-path");
      client.send(second, PORT);
      SipText loop = client.await(m -> m.isResponse() && m.status() >= 400, WAIT);
      assertThat(loop).isNotNull();
      assertThat(loop.status()).isEqualTo(482);
      assertThat(loop.header("Via")).contains("z9hG4bK-other-path");
    }
  }

  @Test
  void cancelGets200AndTheInvite487() throws Exception {
    CountDownLatch cancelled = new CountDownLatch(1);
    start((call, l) -> {
      call.ringing();
      await(cancelled);
      sleep(300); // let the CANCEL be processed first
      call.answer(ANSWER); // too late: ignored
      call.setListener(l); // set after the fact: the queued event is delivered
    });
    try (UdpSipClient client = UdpSipClient.open()) {
      UacDialog d = new UacDialog("UDP", client.port(), PORT, "3000");
      client.send(d.invite(UacDialog.OFFER), PORT);
      assertThat(client.await(m -> m.status() == 180, WAIT)).isNotNull();
      client.send(d.cancel(), PORT);
      cancelled.countDown();
      SipText cancelOk = client.awaitFinal(d.callId(), "CANCEL", WAIT);
      SipText terminated = client.awaitFinal(d.callId(), "INVITE", WAIT);
      assertThat(cancelOk.status()).isEqualTo(200);
      assertThat(terminated.status()).isEqualTo(487);
      client.send(d.ackForFailure(), PORT);
      RecordingHandler.Seen seen = handler.next(WAIT);
      assertThat(seen.listener().nextText(WAIT)).isEqualTo("ended:CANCELLED");
      assertThat(client.awaitFinal(d.callId(), "INVITE", Duration.ofMillis(800))).as("no 200 after the 487").isNull();
      assertThat(seen.call().isTerminated()).isTrue();
    }
  }

  @Test
  void aCancelRightBehindItsInviteIsStillMatched() throws Exception {
    start((call, l) -> {
      call.setListener(l);
      call.ringing();
    });
    for (int i = 0; i < 20; i++) {
      try (UdpSipClient client = UdpSipClient.open()) {
        UacDialog d = new UacDialog("UDP", client.port(), PORT, "3000");
        client.send(d.invite(UacDialog.OFFER), PORT);
        client.send(d.cancel(), PORT); // back to back, as a caller that hangs up at once
        SipText cancelOk = client.awaitFinal(d.callId(), "CANCEL", WAIT);
        SipText terminated = client.awaitFinal(d.callId(), "INVITE", WAIT);
        assertThat(cancelOk).as("round %d: response to the CANCEL; got %s", i, client.received()).isNotNull();
        assertThat(cancelOk.status()).as("round %d", i).isEqualTo(200);
        assertThat(terminated).as("round %d: final response to the INVITE; got %s", i, client.received()).isNotNull();
        assertThat(terminated.status()).as("round %d", i).isEqualTo(487);
        client.send(d.ackForFailure(), PORT);
      }
    }
  }

  @Test
  void rejectSendsTheFinalResponseOnce() throws Exception {
    start((call, l) -> {
      call.setListener(l);
      call.reject(486, "Busy Here");
      call.reject(404, null); // ignored
      call.answer(ANSWER); // ignored
    });
    try (UdpSipClient client = UdpSipClient.open()) {
      UacDialog d = new UacDialog("UDP", client.port(), PORT, "3000");
      client.send(d.invite(UacDialog.OFFER), PORT);
      SipText busy = client.awaitFinal(d.callId(), "INVITE", WAIT);
      assertThat(busy.status()).isEqualTo(486);
      assertThat(busy.firstLine()).isEqualTo("SIP/2.0 486 Busy Here");
      assertThat(busy.toTag()).isNotBlank();
      client.send(d.ackForFailure(), PORT);
      assertThat(handler.next(WAIT).listener().nextText(WAIT)).isEqualTo("ended:LOCAL_HANGUP");
      assertThat(client.awaitFinal(d.callId(), "INVITE", Duration.ofMillis(800))).isNull();
    }
  }

  @Test
  void hangupBeforeAnsweringIs480() throws Exception {
    start((call, l) -> call.hangup());
    try (UdpSipClient client = UdpSipClient.open()) {
      UacDialog d = new UacDialog("UDP", client.port(), PORT, "3000");
      client.send(d.invite(UacDialog.OFFER), PORT);
      assertThat(client.awaitFinal(d.callId(), "INVITE", WAIT).status()).isEqualTo(480);
      client.send(d.ackForFailure(), PORT);
    }
  }

  @Test
  void aFailingHandlerGets500() throws Exception {
    start((call, l) -> {
      throw new IllegalStateException("handler bug (expected by this test)");
    });
    try (UdpSipClient client = UdpSipClient.open()) {
      UacDialog d = new UacDialog("UDP", client.port(), PORT, "3000");
      client.send(d.invite(UacDialog.OFFER), PORT);
      assertThat(client.awaitFinal(d.callId(), "INVITE", WAIT).status()).isEqualTo(500);
      client.send(d.ackForFailure(), PORT);
    }
  }

  @Test
  void reinviteWithOfferIsAnsweredByTheListener() throws Exception {
    start((call, l) -> {
      l.answeringReinvites(offer -> offer.contains("a=sendonly") ? ANSWER + "a=recvonly\r\n" : null);
      ANSWERS.accept(call, l);
    });
    try (UdpSipClient client = UdpSipClient.open()) {
      UacDialog d = new UacDialog("UDP", client.port(), PORT, "3000");
      establish(client, d);
      RecordingListener l = handler.next(WAIT).listener();
      assertThat(l.nextText(WAIT)).isEqualTo("ack");

      client.send(d.reinvite(UacDialog.OFFER + "a=sendonly\r\n"), PORT);
      SipText held = client.awaitFinal(d.callId(), "INVITE", WAIT);
      assertThat(held.status()).isEqualTo(200);
      assertThat(held.body()).endsWith("a=recvonly\r\n");
      assertThat(held.contactUri()).isEqualTo("sip:127.0.0.1:" + PORT);
      client.send(d.ack(null), PORT);
      assertThat(l.nextText(WAIT)).startsWith("reinvite:v=0").endsWith("a=sendonly\r\n");

      client.send(d.reinvite(UacDialog.OFFER), PORT); // the listener returns null: 488
      assertThat(client.awaitFinal(d.callId(), "INVITE", WAIT).status()).isEqualTo(488);
      client.send(d.ackForFailureOf(d.cseq()), PORT);
      assertThat(l.nextText(WAIT)).startsWith("reinvite:");
      assertThat(l.next(Duration.ofMillis(500))).as("no onAck for re-INVITEs with an offer").isNull();
    }
  }

  @Test
  void reinviteWithoutSdpGetsOurOfferAndTheAckCarriesTheAnswer() throws Exception {
    start((call, l) -> {
      l.answeringReinvites(offer -> offer == null ? ANSWER : null);
      ANSWERS.accept(call, l);
    });
    try (UdpSipClient client = UdpSipClient.open()) {
      UacDialog d = new UacDialog("UDP", client.port(), PORT, "3000");
      establish(client, d);
      RecordingListener l = handler.next(WAIT).listener();
      assertThat(l.nextText(WAIT)).isEqualTo("ack");
      client.send(d.reinvite(null), PORT);
      SipText ok = client.awaitFinal(d.callId(), "INVITE", WAIT);
      assertThat(ok.body()).isEqualTo(ANSWER);
      client.send(d.ack(UacDialog.OFFER), PORT);
      assertThat(l.nextText(WAIT)).isEqualTo("reinvite:null");
      assertThat(l.nextText(WAIT)).isEqualTo("ack:" + UacDialog.OFFER);
    }
  }

  @Test
  void reinviteBeforeTheAckMustWait() throws Exception {
    start(ANSWERS);
    try (UdpSipClient client = UdpSipClient.open()) {
      UacDialog d = new UacDialog("UDP", client.port(), PORT, "3000");
      client.send(d.invite(UacDialog.OFFER), PORT);
      d.learn(client.awaitFinal(d.callId(), "INVITE", WAIT));
      client.send(d.reinvite(UacDialog.OFFER), PORT);
      SipText pending = client.await(m -> m.isResponse() && m.status() >= 400, WAIT);
      assertThat(pending).as("a refusal for the early re-INVITE").isNotNull();
      assertThat(pending.status()).isIn(491, 500);
      client.send(d.ack(null), PORT);
    }
  }

  @Test
  void infoIsAnswered200AndDeliveredWithItsContentType() throws Exception {
    start(ANSWERS);
    try (UdpSipClient client = UdpSipClient.open()) {
      UacDialog d = new UacDialog("UDP", client.port(), PORT, "3000");
      establish(client, d);
      client.send(d.info("application/dtmf-relay", "Signal=7\r\nDuration=160\r\n"), PORT);
      assertThat(client.awaitFinal(d.callId(), "INFO", WAIT).status()).isEqualTo(200);
      RecordingListener l = handler.next(WAIT).listener();
      assertThat(l.nextText(WAIT)).isEqualTo("ack");
      assertThat(l.nextText(WAIT)).isEqualTo("info:application/dtmf-relay:Signal=7\r\nDuration=160\r\n");
    }
  }

  @Test
  void optionsInsideADialogIsAnswered200() throws Exception {
    start(ANSWERS);
    try (UdpSipClient client = UdpSipClient.open()) {
      UacDialog d = new UacDialog("UDP", client.port(), PORT, "3000");
      establish(client, d);
      client.send(d.info("application/x", "x").replaceFirst("^INFO", "OPTIONS").replace(" INFO\r\n", " OPTIONS\r\n"), PORT);
      SipText ok = client.awaitFinal(d.callId(), "OPTIONS", WAIT);
      assertThat(ok.status()).isEqualTo(200);
      assertThat(ok.header("Allow")).contains("INFO");
    }
  }

  static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
