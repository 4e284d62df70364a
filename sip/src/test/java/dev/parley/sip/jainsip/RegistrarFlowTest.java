package dev.parley.sip.jainsip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.sip.Binding;
import dev.parley.sip.DigestRealm;
import dev.parley.sip.RegistrarPolicy;
import dev.parley.sip.RegistrationListener;
import dev.parley.sip.SipConfig;
import dev.parley.sip.SipServerOptions;
import dev.parley.sip.digest.Digest;
import dev.parley.sip.digest.DigestAlgorithm;
import dev.parley.sip.digest.DigestCredentials;
import dev.parley.sip.testing.AuthParams;
import dev.parley.sip.testing.FakeClock;
import dev.parley.sip.testing.SipText;
import dev.parley.sip.testing.Templates;
import dev.parley.sip.testing.UdpSipClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** REGISTER against the registrar with digest authentication, over raw UDP (port 15106). */
class RegistrarFlowTest {
  static final int PORT = 15106;
  static final Duration WAIT = Duration.ofSeconds(3);

  private final FakeClock clock = new FakeClock(Instant.now());
  private final LinkedBlockingQueue<String> events = new LinkedBlockingQueue<>();
  private JainSipServer server;
  private UdpSipClient client;
  private final String callId = Templates.token() + "@reg";
  private int cseq = 1;

  @BeforeEach
  void start() throws Exception {
    RegistrationListener listener = new RegistrationListener() {
      @Override
      public void onRegistered(Binding b, boolean refresh) {
        events.add((refresh ? "refreshed:" : "registered:") + b.contactUri());
      }

      @Override
      public void onRemoved(Binding b) {
        events.add("removed:" + b.contactUri());
      }

      @Override
      public void onAuthenticationFailed(String user, String sourceHost) {
        events.add("failed:" + user);
      }
    };
    this.listener = listener;
    startServer(DigestRealm.of("parley.test", u -> u.equals("alice") ? Optional.of("secret") : Optional.empty()));
    client = UdpSipClient.open();
  }

  private RegistrationListener listener;

  private void startServer(DigestRealm realm) throws Exception {
    SipServerOptions options = SipServerOptions.none().withRealm(realm)
        .withRegistrar(RegistrarPolicy.standard(listener))
        .withClock(clock);
    server = JainSipServer.start(new SipConfig("127.0.0.1", PORT, true, false, "Parley-test"), call -> {},
        StackOptions.DEFAULTS, options);
  }

  @AfterEach
  void stop() {
    if (client != null) client.close();
    if (server != null) server.close();
  }

  private String register(String user, String expires, String authorization) {
    return Templates.fill("""
        REGISTER sip:127.0.0.1:${server} SIP/2.0
        Via: SIP/2.0/UDP 127.0.0.1:${port};branch=${branch};rport
        Max-Forwards: 70
        From: <sip:${user}@127.0.0.1>;tag=${tag}
        To: <sip:${user}@127.0.0.1>
        Call-ID: ${callId}
        CSeq: ${cseq} REGISTER
        Contact: <sip:${user}@127.0.0.1:${port}>
        Expires: ${expires}
        ${auth}Content-Length: 0

        """, Map.of("server", Integer.toString(PORT), "port", Integer.toString(client.port()), "branch", Templates.branch(),
        "user", user, "tag", "t1", "callId", callId, "cseq", Integer.toString(cseq++), "expires", expires,
        "auth", authorization == null ? "" : "Authorization: " + authorization + "\n"));
  }

  private SipText send(String request) {
    client.send(request, PORT);
    SipText r = client.awaitFinal(callId, "REGISTER", WAIT);
    assertThat(r).as("a final response; got %s", client.received()).isNotNull();
    return r;
  }

  /** The Authorization that answers {@code challenge} with {@code password}. */
  private static String answer(String challenge, String user, String password) {
    Map<String, String> p = AuthParams.parse(challenge);
    String uri = "sip:127.0.0.1:" + PORT;
    DigestAlgorithm a = DigestAlgorithm.ofToken(p.get("algorithm")).orElseThrow();
    DigestCredentials c = new DigestCredentials(user, p.get("realm"), p.get("nonce"), uri, null, p.get("algorithm"), "auth",
        "00000001", "0a4f113b", null);
    String response = Digest.response(a, c, "REGISTER", password);
    return "Digest username=\"" + user + "\", realm=\"" + p.get("realm") + "\", nonce=\"" + p.get("nonce") + "\", uri=\""
        + uri + "\", response=\"" + response + "\", algorithm=" + p.get("algorithm") + ", qop=auth, nc=00000001, cnonce=\"0a4f113b\"";
  }

  private String event() throws InterruptedException {
    return events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Test
  void registerWithoutCredentialsIsChallengedWithMd5AndSha256() {
    SipText r = send(register("alice", "300", null));
    assertThat(r.status()).isEqualTo(401);
    List<String> challenges = r.all("WWW-Authenticate");
    assertThat(challenges).hasSize(2);
    assertThat(challenges).extracting(c -> AuthParams.parse(c).get("algorithm")).containsExactly("MD5", "SHA-256");
    for (String c : challenges) {
      Map<String, String> p = AuthParams.parse(c);
      assertThat(c).startsWith("Digest ");
      assertThat(p).containsEntry("realm", "parley.test").containsEntry("qop", "auth").doesNotContainKey("stale");
      assertThat(p.get("nonce")).isNotBlank();
    }
    assertThat(server.registrar().contacts("alice")).isEmpty();
  }

  @Test
  void answeringTheChallengeWithEitherAlgorithmBindsTheContact() throws Exception {
    for (int i = 0; i < 2; i++) {
      SipText challenge = send(register("alice", "300", null));
      SipText ok = send(register("alice", "300", answer(challenge.all("WWW-Authenticate").get(i), "alice", "secret")));
      assertThat(ok.status()).as(ok.raw()).isEqualTo(200);
      assertThat(ok.contactUri()).isEqualTo("sip:alice@127.0.0.1:" + client.port());
      assertThat(SipText.param(ok.header("Contact"), "expires")).isEqualTo("300");
      assertThat(ok.header("Date")).isNotBlank();
    }
    List<Binding> bindings = server.registrar().contacts("alice");
    assertThat(bindings).hasSize(1);
    assertThat(bindings.getFirst().sourcePort()).isEqualTo(client.port());
    assertThat(bindings.getFirst().transport()).isEqualTo("udp");
    assertThat(server.registrar().users()).containsExactly("alice");
    assertThat(event()).isEqualTo("registered:sip:alice@127.0.0.1:" + client.port());
    assertThat(event()).isEqualTo("refreshed:sip:alice@127.0.0.1:" + client.port());
  }

  @Test
  void aSha256OnlyRealmChallengesWithSha256AloneAndRefusesAnMd5Answer() throws Exception {
    server.close();
    startServer(DigestRealm.of("parley.test", u -> u.equals("alice") ? Optional.of("secret") : Optional.empty())
        .offering(List.of(DigestAlgorithm.SHA_256)));
    SipText challenge = send(register("alice", "300", null));
    assertThat(challenge.all("WWW-Authenticate")).extracting(c -> AuthParams.parse(c).get("algorithm"))
        .containsExactly("SHA-256");
    String md5 = challenge.all("WWW-Authenticate").getFirst().replace("algorithm=SHA-256", "algorithm=MD5");
    assertThat(md5).contains("algorithm=MD5");
    SipText refused = send(register("alice", "300", answer(md5, "alice", "secret")));
    assertThat(refused.status()).as("an MD5 answer to a SHA-256 challenge, right password").isEqualTo(403);
    assertThat(server.registrar().contacts("alice")).isEmpty();
    SipText next = send(register("alice", "300", null));
    SipText ok = send(register("alice", "300", answer(next.all("WWW-Authenticate").getFirst(), "alice", "secret")));
    assertThat(ok.status()).as(ok.raw()).isEqualTo(200);
    assertThat(server.registrar().contacts("alice")).hasSize(1);
  }

  @Test
  void wrongPasswordIsForbiddenAndBindsNothing() throws Exception {
    SipText challenge = send(register("alice", "300", null));
    SipText r = send(register("alice", "300", answer(challenge.all("WWW-Authenticate").getFirst(), "alice", "guess")));
    assertThat(r.status()).isEqualTo(403);
    assertThat(server.registrar().contacts("alice")).isEmpty();
    assertThat(event()).isEqualTo("failed:alice");
  }

  @Test
  void tenWrongPasswordsLockTheSourceOutSoEvenTheRightOneIsForbidden() throws Exception {
    for (int guess = 0; guess < 10; guess++) {
      SipText challenge = send(register("alice", "300", null));
      assertThat(challenge.status()).as("guess %d is challenged", guess).isEqualTo(401);
      SipText r = send(register("alice", "300", answer(challenge.all("WWW-Authenticate").getFirst(), "alice", "guess" + guess)));
      assertThat(r.status()).isEqualTo(403);
    }
    SipText r = send(register("alice", "300", null));
    assertThat(r.status()).as("locked out: not even challenged").isEqualTo(403);
    assertThat(server.registrar().contacts("alice")).isEmpty();
    clock.advance(Duration.ofMinutes(16));
    SipText challenge = send(register("alice", "300", null));
    assertThat(challenge.status()).as("the lockout ends").isEqualTo(401);
    SipText ok = send(register("alice", "300", answer(challenge.all("WWW-Authenticate").getFirst(), "alice", "secret")));
    assertThat(ok.status()).isEqualTo(200);
  }

  @Test
  void unknownUserIsForbiddenLikeAWrongPassword() {
    SipText challenge = send(register("mallory", "300", null));
    assertThat(challenge.status()).as("challenged like anyone").isEqualTo(401);
    SipText r = send(register("mallory", "300", answer(challenge.all("WWW-Authenticate").getFirst(), "mallory", "x")));
    assertThat(r.status()).isEqualTo(403);
  }

  @Test
  void credentialsOfOneUserCannotRegisterAnother() {
    SipText challenge = send(register("bob", "300", null));
    SipText r = send(register("bob", "300", answer(challenge.all("WWW-Authenticate").getFirst(), "alice", "secret")));
    assertThat(r.status()).isEqualTo(403);
  }

  @Test
  void oldNonceIsChallengedAgainAsStale() {
    SipText challenge = send(register("alice", "300", null));
    clock.advance(Duration.ofMinutes(6));
    SipText r = send(register("alice", "300", answer(challenge.all("WWW-Authenticate").getFirst(), "alice", "secret")));
    assertThat(r.status()).isEqualTo(401);
    assertThat(AuthParams.parse(r.header("WWW-Authenticate"))).containsEntry("stale", "true");
  }

  @Test
  void tooBriefExpiryIsAnswered423WithMinExpires() {
    SipText challenge = send(register("alice", "10", null));
    SipText r = send(register("alice", "10", answer(challenge.all("WWW-Authenticate").getFirst(), "alice", "secret")));
    assertThat(r.status()).isEqualTo(423);
    assertThat(r.header("Min-Expires")).isEqualTo("60");
  }

  @Test
  void expiresZeroRemovesTheBinding() throws Exception {
    SipText c1 = send(register("alice", "300", null));
    send(register("alice", "300", answer(c1.all("WWW-Authenticate").getFirst(), "alice", "secret")));
    SipText c2 = send(register("alice", "0", null));
    SipText ok = send(register("alice", "0", answer(c2.all("WWW-Authenticate").getFirst(), "alice", "secret")));
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.header("Contact")).isNull();
    assertThat(server.registrar().contacts("alice")).isEmpty();
    assertThat(event()).startsWith("registered:");
    assertThat(event()).startsWith("removed:");
  }
}
