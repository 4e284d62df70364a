package dev.parley.sip.jainsip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.sip.SipConfig;
import dev.parley.sip.testing.RecordingHandler;
import dev.parley.sip.testing.RecordingListener;
import dev.parley.sip.testing.SipText;
import dev.parley.sip.testing.UacDialog;
import dev.parley.sip.testing.UdpSipClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How call events reach the application: in order, on virtual threads, never holding up SIP (port 15105). */
class EventDeliveryTest {
  static final int PORT = 15105;
  static final Duration WAIT = Duration.ofSeconds(3);

  private JainSipServer server;

  @AfterEach
  void stop() {
    if (server != null) server.close();
  }

  /** A listener that takes 200 ms per INFO. */
  private static final class SlowListener implements dev.parley.sip.CallListener {
    final RecordingListener inner = new RecordingListener();

    @Override
    public void onAck(String sdp) {
      inner.onAck(sdp);
    }

    @Override
    public String onReinvite(String offerSdp) {
      return inner.onReinvite(offerSdp);
    }

    @Override
    public void onInfo(String contentType, String body) {
      CallFlowTest.sleep(200);
      inner.onInfo(contentType, body);
    }

    @Override
    public void onEnded(dev.parley.sip.EndReason reason) {
      inner.onEnded(reason);
    }
  }

  @Test
  void aSlowListenerGetsEveryEventInOrderWhileSipIsAnsweredAtOnce() throws Exception {
    SlowListener slow = new SlowListener();
    RecordingHandler handler = new RecordingHandler((call, l) -> {
      call.setListener(slow);
      call.answer(CallFlowTest.ANSWER);
    });
    server = JainSipServer.start(new SipConfig("127.0.0.1", PORT, true, true, null), handler, StackOptions.DEFAULTS);
    try (UdpSipClient client = UdpSipClient.open()) {
      UacDialog d = new UacDialog("UDP", client.port(), PORT, "3000");
      client.send(d.invite(UacDialog.OFFER), PORT);
      d.learn(client.awaitFinal(d.callId(), "INVITE", WAIT));
      long start = System.nanoTime();
      client.send(d.ack(null), PORT);
      for (int i = 1; i <= 3; i++) client.send(d.info("application/dtmf-relay", "Signal=" + i + "\r\n"), PORT);
      client.send(d.bye(), PORT);
      SipText byeOk = client.awaitFinal(d.callId(), "BYE", WAIT);
      long answeredMs = (System.nanoTime() - start) / 1_000_000;
      assertThat(byeOk.status()).isEqualTo(200);
      assertThat(answeredMs).as("the BYE is answered without waiting for the listener (3 x 200 ms)").isLessThan(500);

      RecordingListener l = slow.inner;
      assertThat(l.awaitPrefix("ended", Duration.ofSeconds(5))).isNotNull();
      assertThat(l.texts()).containsExactly(
          "ack",
          "info:application/dtmf-relay:Signal=1\r\n",
          "info:application/dtmf-relay:Signal=2\r\n",
          "info:application/dtmf-relay:Signal=3\r\n",
          "ended:REMOTE_BYE");
      assertThat(l.events()).allSatisfy(e -> {
        assertThat(e.virtualThread()).as("virtual thread for %s", e.text()).isTrue();
        assertThat(e.threadName()).doesNotContain("EventScanner");
      });
    }
  }

  @Test
  void eventsWaitForTheListener() throws Exception {
    RecordingHandler handler = new RecordingHandler((call, l) -> {
      call.answer(CallFlowTest.ANSWER);
      CallFlowTest.sleep(600); // the ACK arrives meanwhile, with no listener to take it
      call.setListener(l);
    });
    server = JainSipServer.start(new SipConfig("127.0.0.1", PORT, true, true, null), handler, StackOptions.DEFAULTS);
    try (UdpSipClient client = UdpSipClient.open()) {
      UacDialog d = new UacDialog("UDP", client.port(), PORT, "3000");
      client.send(d.invite(UacDialog.OFFER), PORT);
      d.learn(client.awaitFinal(d.callId(), "INVITE", WAIT));
      client.send(d.ack(null), PORT);
      client.send(d.bye(), PORT);
      assertThat(client.awaitFinal(d.callId(), "BYE", WAIT).status()).isEqualTo(200);
      RecordingListener l = handler.next(WAIT).listener();
      assertThat(l.awaitPrefix("ended", WAIT)).isNotNull();
      assertThat(l.texts()).isEqualTo(List.of("ack", "ended:REMOTE_BYE"));
    }
  }
}
