package dev.parley.sip.jainsip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.sip.DigestRealm;
import dev.parley.sip.InviteAuthPolicy;
import dev.parley.sip.SipConfig;
import dev.parley.sip.SipServerOptions;
import dev.parley.sip.digest.Digest;
import dev.parley.sip.digest.DigestAlgorithm;
import dev.parley.sip.digest.DigestCredentials;
import dev.parley.sip.testing.AuthParams;
import dev.parley.sip.testing.RecordingHandler;
import dev.parley.sip.testing.SipText;
import dev.parley.sip.testing.UacDialog;
import dev.parley.sip.testing.UdpSipClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The INVITE policy: trusted, challenged with 407 or refused before the handler (port 15108). */
class InviteAuthFlowTest {
  static final int PORT = 15108;
  static final Duration WAIT = Duration.ofSeconds(3);

  private JainSipServer server;
  private RecordingHandler handler;
  private UdpSipClient client;

  @BeforeEach
  void start() throws Exception {
    handler = new RecordingHandler((call, l) -> {
      call.setListener(l);
      call.answer(CallFlowTest.ANSWER);
    });
    InviteAuthPolicy policy = (host, user) -> switch (user) {
      case "trusted" -> InviteAuthPolicy.Decision.TRUST;
      case "banned" -> InviteAuthPolicy.Decision.REJECT;
      default -> InviteAuthPolicy.Decision.CHALLENGE;
    };
    SipServerOptions options = SipServerOptions.none()
        .withRealm(DigestRealm.of("parley.test", u -> u.equals("alice") ? Optional.of("secret") : Optional.empty()))
        .withInviteAuth(policy);
    server = JainSipServer.start(new SipConfig("127.0.0.1", PORT, true, false, "Parley-test"), handler, StackOptions.DEFAULTS,
        options);
    client = UdpSipClient.open();
  }

  @AfterEach
  void stop() {
    if (client != null) client.close();
    if (server != null) server.close();
  }

  private static String from(String invite, String user) {
    return invite.replace("<sip:caller@", "<sip:" + user + "@");
  }

  private static String withAuthorization(String invite, String challenge, String password) {
    Map<String, String> p = AuthParams.parse(challenge);
    String uri = "sip:3000@127.0.0.1:" + PORT;
    DigestAlgorithm a = DigestAlgorithm.ofToken(p.get("algorithm")).orElseThrow();
    DigestCredentials c = new DigestCredentials("alice", p.get("realm"), p.get("nonce"), uri, null, p.get("algorithm"),
        "auth", "00000001", "c0ffee", null);
    String auth = "Proxy-Authorization: Digest username=\"alice\", realm=\"" + p.get("realm") + "\", nonce=\"" + p.get("nonce")
        + "\", uri=\"" + uri + "\", response=\"" + Digest.response(a, c, "INVITE", password) + "\", algorithm="
        + p.get("algorithm") + ", qop=auth, nc=00000001, cnonce=\"c0ffee\"\r\n";
    return invite.replace("CSeq: 1 INVITE", "CSeq: 2 INVITE").replace("Max-Forwards: 70\r\n", "Max-Forwards: 70\r\n" + auth);
  }

  /** INVITE, expect 407, ACK it; returns the challenge to answer with the algorithm at {@code index}. */
  private String challenged(UacDialog d, String user, int index) {
    client.send(from(d.invite(UacDialog.OFFER), user), PORT);
    SipText r = client.awaitFinal(d.callId(), "INVITE", WAIT);
    assertThat(r).as("%s", client.received()).isNotNull();
    assertThat(r.status()).isEqualTo(407);
    assertThat(r.all("Proxy-Authenticate")).hasSize(2);
    d.learn(r);
    client.send(from(d.ackForFailure(), user), PORT);
    return r.all("Proxy-Authenticate").get(index);
  }

  @Test
  void challengedInviteWithTheRightCredentialsReachesTheHandlerAuthenticated() {
    for (int algorithm = 0; algorithm < 2; algorithm++) {
      UacDialog d = new UacDialog("UDP", client.port(), PORT, "3000");
      String challenge = challenged(d, "alice", algorithm);
      assertThat(handler.next(Duration.ofMillis(200))).as("the handler never saw the challenged INVITE").isNull();
      client.send(withAuthorization(from(d.invite(UacDialog.OFFER), "alice"), challenge, "secret"), PORT);
      SipText ok = client.awaitFinal(d.callId(), "INVITE", WAIT);
      assertThat(ok).as("%s", client.received()).isNotNull();
      assertThat(ok.status()).isEqualTo(200);
      RecordingHandler.Seen seen = handler.next(WAIT);
      assertThat(seen.call().authenticatedUser()).isEqualTo("alice");
    }
  }

  @Test
  void challengedInviteWithAWrongPasswordIsForbidden() {
    UacDialog d = new UacDialog("UDP", client.port(), PORT, "3000");
    String challenge = challenged(d, "alice", 0);
    client.send(withAuthorization(from(d.invite(UacDialog.OFFER), "alice"), challenge, "guess"), PORT);
    SipText r = client.awaitFinal(d.callId(), "INVITE", WAIT);
    assertThat(r.status()).isEqualTo(403);
    assertThat(handler.next(Duration.ofMillis(200))).isNull();
  }

  @Test
  void trustedCallerIsNotChallengedAndRejectedOneIsForbidden() {
    UacDialog trusted = new UacDialog("UDP", client.port(), PORT, "3000");
    client.send(from(trusted.invite(UacDialog.OFFER), "trusted"), PORT);
    assertThat(client.awaitFinal(trusted.callId(), "INVITE", WAIT).status()).isEqualTo(200);
    assertThat(handler.next(WAIT).call().authenticatedUser()).isNull();

    UacDialog banned = new UacDialog("UDP", client.port(), PORT, "3000");
    client.send(from(banned.invite(UacDialog.OFFER), "banned"), PORT);
    assertThat(client.awaitFinal(banned.callId(), "INVITE", WAIT).status()).isEqualTo(403);
  }
}
