package dev.parley.server.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook body: {@code sha256=HEX(HMAC-SHA256(secret, TIMESTAMP + "." + BODY))}. The
 * timestamp is inside the signature so a receiver can refuse an old request replayed at it. Both the
 * event webhooks ({@code api}) and a route's routing webhook ({@code call}) sign with it, so one
 * receiver's check serves both; it is in a package of its own because neither layer may see the other.
 */
public final class WebhookSigner {
  public static final String SIGNATURE_HEADER = "X-Parley-Signature";
  public static final String TIMESTAMP_HEADER = "X-Parley-Timestamp";

  private final SecretKeySpec key;

  public WebhookSigner(String secret) {
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  /** @param unixSeconds the value sent in {@value #TIMESTAMP_HEADER} */
  public String sign(long unixSeconds, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] digest = mac.doFinal((unixSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder("sha256=");
      for (byte x : digest) hex.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
      return hex.toString();
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
