package dev.parley.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignerTest {
  @Test
  void theSignatureIsHmacSha256OfTimestampDotBody() {
    String signature = new WebhookSigner("a-secret-of-16-chars").sign(1_700_000_000L, "{\"seq\":1}");

    // printf '1700000000.{"seq":1}' | openssl dgst -sha256 -hmac 'a-secret-of-16-chars'
    assertThat(signature).isEqualTo("sha256=530136716e56fd10394e4ec352ce7191e94a2398744bd321bd12f18d955d1b08");
  }

  @Test
  void anotherTimestampGivesAnotherSignature() {
    WebhookSigner s = new WebhookSigner("a-secret-of-16-chars");

    assertThat(s.sign(1, "{}")).isNotEqualTo(s.sign(2, "{}"));
  }
}
