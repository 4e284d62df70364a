package dev.parley.sip.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.sip.Binding;
import dev.parley.sip.DigestRealm;
import dev.parley.sip.OutgoingCall;
import dev.parley.sip.OutgoingCallRequest;
import dev.parley.sip.RegistrarPolicy;
import dev.parley.sip.RegistrationListener;
import dev.parley.sip.SipConfig;
import dev.parley.sip.SipServer;
import dev.parley.sip.SipServerOptions;
import dev.parley.sip.testing.RecordingOutgoingListener;
import dev.parley.testkit.BaresipPeer;
import dev.parley.testkit.RtpSink;
import dev.parley.testkit.Wav;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The registrar and dial-out against a real baresip 1.0: it registers with digest credentials, and
 * we call it at its registered contact and hear its tone.
 *
 * <p>Ports: server 15159; baresip slot 0 (SIP 5200, ctrl 4400, RTP 31000-31019); RTP sink 18000.
 */
class BaresipRegistrarIT {
  private static final int PORT = 15159;
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final double TONE_HZ = 1000;

  private SipServer server;
  private BaresipPeer bob;
  /**
   * What the registrar reported. baresip's own REGISTER_OK/REGISTER_FAIL are no use here: it
   * registers at start-up, before our ctrl_tcp connection exists, and ctrl_tcp keeps no backlog.
   */
  private final LinkedBlockingQueue<String> events = new LinkedBlockingQueue<>();

  /** baresip 1.0 fails on any SHA-256 challenge (see {@link DigestRealm#offerSha256}): MD5 only. */
  private void startServer() throws Exception {
    SipServerOptions options = SipServerOptions.none()
        .withRealm(DigestRealm.of("parley.test", u -> u.equals("bob") ? Optional.of("s3cret") : Optional.empty()).md5Only())
        .withRegistrar(new RegistrarPolicy(Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofHours(1),
            new RegistrationListener() {
              @Override
              public void onRegistered(Binding binding, boolean refresh) {
                events.add("registered:" + binding.user());
              }

              @Override
              public void onAuthenticationFailed(String user, String sourceHost) {
                events.add("failed:" + user);
              }
            }));
    server = SipServer.start(new SipConfig("127.0.0.1", PORT, true, true, "Parley-IT"), call -> call.reject(486, null), options);
  }

  private BaresipPeer startBob(TestInfo info, String password) throws Exception {
    Path dir = Path.of("target", "baresip", info.getTestMethod().orElseThrow().getName()).toAbsolutePath();
    BaresipPeer.Settings s = BaresipPeer.Settings.slot(0, dir)
        .withSource(Wav.tone(BaresipPeer.SAMPLE_RATE_HZ, TONE_HZ, 3, -10))
        .withCodecs("PCMU/8000/1")
        .withLifetime(Duration.ofSeconds(40));
    bob = BaresipPeer.start(s, "<sip:bob@127.0.0.1>;auth_pass=" + password + ";outbound=\"sip:127.0.0.1:" + PORT
        + "\";regint=60;answermode=auto;audio_codecs=PCMU/8000/1");
    return bob;
  }

  @AfterEach
  void stop() {
    if (bob != null) bob.close();
    if (server != null) server.close();
  }

  private List<Binding> awaitBinding(String user) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      List<Binding> b = server.registrar().contacts(user);
      if (!b.isEmpty()) return b;
      Thread.sleep(50);
    }
    return List.of();
  }

  @Test
  void baresipWithTheRightPasswordIsRegistered(TestInfo info) throws Exception {
    startServer();
    startBob(info, "s3cret");
    assertThat(events.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("registered:bob");
    List<Binding> bindings = awaitBinding("bob");
    assertThat(bindings).hasSize(1);
    Binding b = bindings.getFirst();
    assertThat(b.contactUri()).startsWith("sip:bob-").endsWith("@127.0.0.1:5200");
    assertThat(b.sourcePort()).isEqualTo(5200);
    assertThat(b.expiresAt()).isAfter(java.time.Instant.now().plusSeconds(50));
  }

  @Test
  void baresipWithAWrongPasswordIsNotRegistered(TestInfo info) throws Exception {
    startServer();
    startBob(info, "guess");
    assertThat(events.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("failed:bob");
    assertThat(server.registrar().contacts("bob")).isEmpty();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!bob.log().contains("403 Forbidden") && System.nanoTime() < deadline) Thread.sleep(50);
    assertThat(bob.log()).as("baresip logs the refusal").contains("reg: sip:bob@127.0.0.1: 403 Forbidden");
  }

  @Test
  void registeredBaresipIsDialledAndItsToneReachesOurRtpPort(TestInfo info) throws Exception {
    startServer();
    startBob(info, "s3cret");
    assertThat(events.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("registered:bob");
    Binding binding = awaitBinding("bob").getFirst();
    RecordingOutgoingListener listener = new RecordingOutgoingListener();
    try (RtpSink sink = RtpSink.open(18000)) {
      String offer = "v=0\r\no=parley 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
          + "m=audio " + sink.port() + " RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n";
      OutgoingCall call = server.dial(OutgoingCallRequest.toBinding(binding, offer).withFrom("3000", "Parley"), listener);
      assertThat(listener.awaitPrefix("answered:", WAIT)).as("%s", listener.texts()).contains("m=audio 310");
      bob.awaitEvent("CALL_ESTABLISHED", WAIT);
      long from = System.nanoTime();
      Thread.sleep(1500); // audio flows in real time: 1.5 s of it takes 1.5 s
      long to = System.nanoTime();
      Wav heard = sink.audioBetween(from, to);
      assertThat(heard.durationSeconds()).as("RTP from baresip").isGreaterThan(1.0);
      assertThat(heard.levelDb(TONE_HZ, 0, heard.durationSeconds())).as("its %s Hz tone", TONE_HZ).isGreaterThan(-25);
      call.hangup();
      assertThat(bob.awaitEvent("CALL_CLOSED", WAIT)).isNotNull();
      assertThat(listener.awaitPrefix("ended:", WAIT)).isEqualTo("ended:LOCAL_HANGUP");
    }
  }
}
