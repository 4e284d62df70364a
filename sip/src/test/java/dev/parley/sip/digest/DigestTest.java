package dev.parley.sip.digest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The examples of RFC 7616 §3.9.1 ("Mufasa", "Circle of Life"), and the client side answering them. */
class DigestTest {
  private static final String NONCE = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
  private static final String CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
  private static final String OPAQUE = "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS";

  private static DigestCredentials rfcExample(String algorithm, String response) {
    return new DigestCredentials("Mufasa", "http-auth@example.org", NONCE, "/dir/index.html", response, algorithm,
        "auth", "00000001", CNONCE, OPAQUE);
  }

  @Test
  void md5ResponseMatchesRfc7616Example() {
    assertThat(Digest.response(DigestAlgorithm.MD5, rfcExample("MD5", null), "GET", "Circle of Life"))
        .isEqualTo("8ca523f5e9506fed4657c9700eebdbec");
  }

  @Test
  void sha256ResponseMatchesRfc7616Example() {
    assertThat(Digest.response(DigestAlgorithm.SHA_256, rfcExample("SHA-256", null), "GET", "Circle of Life"))
        .isEqualTo("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1");
  }

  @Test
  void rightResponseMatchesAndAnyOtherDoesNot() {
    DigestCredentials right = rfcExample("SHA-256", "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1");
    DigestCredentials upper = rfcExample("SHA-256", "753927FA0E85D155564E2E272A28D1802CA10DAF4496794697CF8DB5856CB6C1");
    DigestCredentials wrong = rfcExample("SHA-256", "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c0");
    assertThat(Digest.matches(DigestAlgorithm.SHA_256, right, "GET", "Circle of Life")).isTrue();
    assertThat(Digest.matches(DigestAlgorithm.SHA_256, upper, "GET", "Circle of Life")).isTrue();
    assertThat(Digest.matches(DigestAlgorithm.SHA_256, wrong, "GET", "Circle of Life")).isFalse();
    assertThat(Digest.matches(DigestAlgorithm.SHA_256, right, "GET", "circle of life")).isFalse();
    assertThat(Digest.matches(DigestAlgorithm.SHA_256, right, "POST", "Circle of Life")).isFalse();
  }

  @Test
  void answerWithoutQopUsesTheRfc2069Form() {
    DigestCredentials c = new DigestCredentials("Mufasa", "r", "n", "sip:x", null, null, null, null, null, null);
    String ha1 = DigestAlgorithm.MD5.hash("Mufasa:r:pw");
    String ha2 = DigestAlgorithm.MD5.hash("REGISTER:sip:x");
    assertThat(Digest.response(DigestAlgorithm.MD5, c, "REGISTER", "pw")).isEqualTo(DigestAlgorithm.MD5.hash(ha1 + ":n:" + ha2));
  }

  @Test
  void missingAlgorithmMeansMd5AndUnknownOnesAreNotOurs() {
    assertThat(DigestAlgorithm.ofToken(null)).contains(DigestAlgorithm.MD5);
    assertThat(DigestAlgorithm.ofToken("sha-256")).contains(DigestAlgorithm.SHA_256);
    assertThat(DigestAlgorithm.ofToken("SHA-512-256")).isEmpty();
    assertThat(DigestAlgorithm.ofToken("MD5-sess")).isEmpty();
  }

  @Test
  void clientAnswerToAChallengeVerifiesOnTheServerSide() {
    for (DigestAlgorithm a : DigestAlgorithm.values()) {
      DigestChallenge ch = new DigestChallenge("parley", "abc", a.token(), "auth", null, false);
      DigestCredentials c = ClientDigest.answer(ch, "INVITE", "sip:3000@127.0.0.1", "alice", "secret", 1).orElseThrow();
      assertThat(c.qop()).isEqualTo("auth");
      assertThat(c.nc()).isEqualTo("00000001");
      assertThat(c.cnonce()).isNotBlank();
      assertThat(Digest.matches(a, c, "INVITE", "secret")).as(a.token()).isTrue();
      assertThat(Digest.matches(a, c, "INVITE", "guess")).as(a.token()).isFalse();
    }
  }

  @Test
  void clientDeclinesAChallengeWithAnAlgorithmItLacks() {
    DigestChallenge ch = new DigestChallenge("parley", "abc", "SHA-512-256", "auth", null, false);
    assertThat(ClientDigest.answer(ch, "INVITE", "sip:x", "alice", "secret", 1)).isEmpty();
  }
}
