package dev.parley.sip.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.sip.Credentials;
import dev.parley.sip.OutboundRegistration;
import dev.parley.sip.OutboundRegistrationHandle;
import dev.parley.sip.OutboundRegistrationListener.State;
import dev.parley.sip.OutgoingCall;
import dev.parley.sip.OutgoingCallRequest;
import dev.parley.sip.SipConfig;
import dev.parley.sip.SipServer;
import dev.parley.sip.testing.RecordingOutgoingListener;
import dev.parley.sip.testing.UacDialog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Our UAC side against SIPp playing a trunk or a registrar (scenarios {@code sipp/uas-*.xml}).
 *
 * <p>Ports: servers 15155-15158, SIPp 15175-15178, SIPp media 15180-15195 (after {@link
 * SippCallsIT}'s, which run in the same JVM one test at a time).
 */
class SippUacIT {
  private static final Duration WAIT = Duration.ofSeconds(8);

  private SipServer server;
  private Sipp.Running sipp;
  private final RecordingOutgoingListener listener = new RecordingOutgoingListener();

  private Sipp.Running trunk(int n, TestInfo info, String scenario) throws Exception {
    server = SipServer.start(new SipConfig("127.0.0.1", 15155 + n, true, true, "Parley-IT"), call -> {});
    Path dir = Path.of("target", "sipp", info.getTestMethod().orElseThrow().getName());
    sipp = Sipp.scenario(scenario, dir).uas().ports(15175 + n, 15180 + 4 * n).timeout(Duration.ofSeconds(20)).start();
    return sipp;
  }

  private static String sipp(int n) {
    return "sip:4930123@127.0.0.1:" + (15175 + n);
  }

  @AfterEach
  void stop() {
    if (sipp != null) sipp.close();
    if (server != null) server.close();
  }

  @Test
  void trunkChallengesThenPlaysEarlyMediaThenAnswersThenHangsUp(TestInfo info) throws Exception {
    trunk(0, info, "uas-trunk");
    server.dial(OutgoingCallRequest.to(sipp(0), UacDialog.OFFER).withCredentials(new Credentials("trunkuser", "trunkpw")),
        listener);
    assertThat(listener.awaitPrefix("early:", WAIT)).as("%s", listener.texts()).contains("m=audio 15180 RTP/AVP 0");
    assertThat(listener.awaitPrefix("answered:", WAIT)).as("%s", listener.texts()).contains("m=audio 15180");
    assertThat(listener.awaitPrefix("ended:", WAIT)).isEqualTo("ended:REMOTE_BYE");
    Sipp.Result r = sipp.finish();
    assertThat(r.succeeded()).as(r.log()).isTrue();
    assertThat(listener.texts()).noneMatch(t -> t.startsWith("failed:"));
    assertThat(listener.allOnVirtualThreads()).isTrue();
  }

  @Test
  void trunkOverTcpIsCalledTheSameWay(TestInfo info) throws Exception {
    server = SipServer.start(new SipConfig("127.0.0.1", 15158, true, true, "Parley-IT"), call -> {});
    Path dir = Path.of("target", "sipp", info.getTestMethod().orElseThrow().getName());
    sipp = Sipp.scenario("uas-trunk", dir).uas().tcp().ports(15178, 15192).timeout(Duration.ofSeconds(20)).start();
    server.dial(OutgoingCallRequest.to("sip:4930123@127.0.0.1:15178;transport=tcp", UacDialog.OFFER)
        .withCredentials(new Credentials("trunkuser", "trunkpw")), listener);
    assertThat(listener.awaitPrefix("answered:", WAIT)).as("%s", listener.texts()).isNotNull();
    assertThat(listener.awaitPrefix("ended:", WAIT)).isEqualTo("ended:REMOTE_BYE");
    Sipp.Result r = sipp.finish();
    assertThat(r.succeeded()).as(r.log()).isTrue();
  }

  @Test
  void cancelWhileRingingEndsWith487(TestInfo info) throws Exception {
    trunk(1, info, "uas-ring");
    OutgoingCall call = server.dial(OutgoingCallRequest.to(sipp(1), UacDialog.OFFER), listener);
    assertThat(listener.awaitPrefix("progress:180", WAIT)).as("%s", listener.texts()).isNotNull();
    call.cancel();
    assertThat(listener.awaitPrefix("failed:", WAIT)).isEqualTo("failed:487");
    Sipp.Result r = sipp.finish();
    assertThat(r.succeeded()).as(r.log()).isTrue();
    assertThat(call.isTerminated()).isTrue();
  }

  @Test
  void outboundRegistrationAnswers401AndRefreshesBeforeExpiry(TestInfo info) throws Exception {
    trunk(2, info, "uas-register");
    LinkedBlockingQueue<String> states = new LinkedBlockingQueue<>();
    long start = System.nanoTime();
    OutboundRegistrationHandle reg = server.register(
        OutboundRegistration.of("sip:127.0.0.1:" + (15175 + 2), "sip:4930123@127.0.0.1", new Credentials("trunkuser", "trunkpw"))
            .withExpires(Duration.ofSeconds(3)),
        (state, status, reason, granted) -> states.add(state + ":" + status + (granted == null ? "" : ":" + granted.toSeconds())));
    assertThat(states.poll(5, TimeUnit.SECONDS)).isEqualTo("REGISTERING:0");
    assertThat(states.poll(5, TimeUnit.SECONDS)).isEqualTo("REGISTERED:200:3");
    assertThat(states.poll(5, TimeUnit.SECONDS)).as("the refresh").isEqualTo("REGISTERED:200:3");
    long refreshedAfterMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(refreshedAfterMillis).as("refreshed at 80% of 3 s, not later than the expiry").isBetween(2000L, 3000L);
    reg.close();
    assertThat(states.poll(5, TimeUnit.SECONDS)).isEqualTo("CLOSED:200");
    assertThat(reg.state()).isEqualTo(State.CLOSED);
    Sipp.Result r = sipp.finish();
    assertThat(r.succeeded()).as(r.log()).isTrue();
  }
}
