package dev.parley.sip.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.sip.SipConfig;
import dev.parley.sip.SipServer;
import dev.parley.sip.testing.RecordingHandler;
import dev.parley.sip.testing.RecordingListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The SIP server against real SIPp calls (scenarios in src/test/resources/sipp/). Each test starts
 * its own server on its own port and checks both sides: SIPp's verdict (its scenario asserts the
 * messages it receives) and the events the application saw.
 *
 * <p>Ports: servers 15140-15159, SIPp 15160-15179, SIPp media 15180-15199, all on 127.0.0.1.
 * Tests run one after another (JUnit's default), so a SIPp has its ports to itself.
 */
class SippCallsIT {
  private static final Duration WAIT = Duration.ofSeconds(5);

  private SipServer server;
  private RecordingHandler handler;

  private Sipp start(int n, TestInfo info, String scenario) throws Exception {
    handler = AnsweringHandler.create();
    server = SipServer.start(new SipConfig("127.0.0.1", 15140 + n, true, true, "Parley-IT"), handler);
    Path dir = Path.of("target", "sipp", info.getTestMethod().orElseThrow().getName());
    return Sipp.scenario(scenario, dir).server(15140 + n).ports(15160 + n, 15180 + 2 * (n % 10));
  }

  @AfterEach
  void stop() {
    if (server != null) server.close();
  }

  private RecordingHandler.Seen onlyCall() {
    RecordingHandler.Seen seen = handler.next(WAIT);
    assertThat(seen).as("the handler got the call").isNotNull();
    return seen;
  }

  /** The listener saw exactly these events, in order; each given as the start of its text. */
  private static void assertEvents(RecordingListener l, String... expectedStarts) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (l.texts().size() < expectedStarts.length && System.nanoTime() < deadline) Thread.onSpinWait();
    List<String> texts = l.texts();
    assertThat(texts).as("events").hasSize(expectedStarts.length);
    for (int i = 0; i < expectedStarts.length; i++) {
      assertThat(texts.get(i)).as("event %d of %s", i, texts).startsWith(expectedStarts[i]);
    }
    assertThat(l.events()).allMatch(RecordingListener.Event::virtualThread, "ran on a virtual thread");
  }

  @Test
  void callWithOfferOverUdp(TestInfo info) throws Exception {
    Sipp.Result r = start(0, info, "uac-basic").key("hold_ms", "300").run();
    assertThat(r.succeeded()).as(r.log()).isTrue();
    RecordingHandler.Seen seen = onlyCall();
    assertThat(seen.virtualThread()).isTrue();
    assertThat(seen.call().transport()).isEqualTo("udp");
    assertThat(seen.call().requestUser()).isEqualTo("3000");
    assertThat(seen.call().fromDisplayName()).isEqualTo("SIPp Caller");
    assertThat(seen.call().fromUser()).isEqualTo("caller");
    assertThat(seen.call().remotePort()).isEqualTo(15160);
    assertThat(seen.call().offerSdp()).contains("m=audio 15180 RTP/AVP 0 8 101");
    assertEvents(seen.listener(), "ack", "ended:REMOTE_BYE");
    assertThat(seen.listener().texts().getFirst()).isEqualTo("ack");
  }

  @Test
  void callWithOfferOverTcp(TestInfo info) throws Exception {
    Sipp.Result r = start(1, info, "uac-basic").tcp().key("hold_ms", "300").run();
    assertThat(r.succeeded()).as(r.log()).isTrue();
    RecordingHandler.Seen seen = onlyCall();
    assertThat(seen.call().transport()).isEqualTo("tcp");
    assertEvents(seen.listener(), "ack", "ended:REMOTE_BYE");
  }

  @Test
  void delayedOfferIsAnsweredInTheAck(TestInfo info) throws Exception {
    Sipp.Result r = start(2, info, "uac-delayed-offer").run();
    assertThat(r.succeeded()).as(r.log()).isTrue();
    RecordingHandler.Seen seen = onlyCall();
    assertThat(seen.call().offerSdp()).isNull();
    assertEvents(seen.listener(), "ack:v=0", "ended:REMOTE_BYE");
    assertThat(seen.listener().texts().getFirst()).contains("m=audio 15184 RTP/AVP 8 101");
  }

  @Test
  void cancelWhileRingingIsAnswered487(TestInfo info) throws Exception {
    Sipp.Result r = start(3, info, "uac-cancel").service("ring").run();
    assertThat(r.succeeded()).as(r.log()).isTrue();
    RecordingHandler.Seen seen = onlyCall();
    assertEvents(seen.listener(), "ended:CANCELLED");
    assertThat(seen.call().isTerminated()).isTrue();
  }

  @Test
  void optionsIsAnswered200WithAllowAndAccept(TestInfo info) throws Exception {
    Sipp.Result r = start(4, info, "options").run();
    assertThat(r.succeeded()).as(r.log()).isTrue();
    assertThat(handler.next(Duration.ofMillis(200))).isNull();
  }

  @Test
  void holdReinviteIsAnsweredRecvonly(TestInfo info) throws Exception {
    Sipp.Result r = start(5, info, "uac-hold").run();
    assertThat(r.succeeded()).as(r.log()).isTrue();
    RecordingHandler.Seen seen = onlyCall();
    assertEvents(seen.listener(), "ack", "reinvite:v=0", "ended:REMOTE_BYE");
    assertThat(seen.listener().texts().get(1)).contains("a=sendonly");
  }

  @Test
  void infoIsAnswered200AndDelivered(TestInfo info) throws Exception {
    Sipp.Result r = start(6, info, "uac-info").run();
    assertThat(r.succeeded()).as(r.log()).isTrue();
    RecordingHandler.Seen seen = onlyCall();
    assertEvents(seen.listener(), "ack", "info:application/dtmf-relay:Signal=5", "ended:REMOTE_BYE");
    assertThat(seen.listener().texts().get(1)).contains("Signal=5");
  }

  @Test
  void serverHangupSendsByeOverUdp(TestInfo info) throws Exception {
    Sipp.Result r = start(7, info, "uac-await-bye").service("hangup").run();
    assertThat(r.succeeded()).as(r.log()).isTrue();
    RecordingHandler.Seen seen = onlyCall();
    assertEvents(seen.listener(), "ack", "ended:LOCAL_HANGUP");
  }

  @Test
  void serverHangupSendsByeOverTcp(TestInfo info) throws Exception {
    Sipp.Result r = start(8, info, "uac-await-bye").service("hangup").tcp().run();
    assertThat(r.succeeded()).as(r.log()).isTrue();
    RecordingHandler.Seen seen = onlyCall();
    assertThat(seen.call().transport()).isEqualTo("tcp");
    assertEvents(seen.listener(), "ack", "ended:LOCAL_HANGUP");
  }

  @Test
  void byeForAnUnknownDialogIsAnswered481(TestInfo info) throws Exception {
    Sipp.Result r = start(9, info, "uac-bye-unknown").run();
    assertThat(r.succeeded()).as(r.log()).isTrue();
    assertThat(handler.next(Duration.ofMillis(200))).isNull();
  }

  @Test
  void fortyCallsTwentyASecond(TestInfo info) throws Exception {
    Sipp.Result r = start(10, info, "uac-basic").calls(40, 20).key("hold_ms", "500").run();
    assertThat(r.succeeded()).as(r.log()).isTrue();
    for (int i = 0; i < 40; i++) {
      RecordingHandler.Seen seen = onlyCall();
      assertEvents(seen.listener(), "ack", "ended:REMOTE_BYE");
    }
    assertThat(handler.next(Duration.ofMillis(200))).isNull();
  }
}
