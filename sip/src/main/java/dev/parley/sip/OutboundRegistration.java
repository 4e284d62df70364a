package dev.parley.sip;

import java.time.Duration;
import java.util.Objects;

/**
 * Our own registration at another registrar, e.g. a SIP trunk that sends us calls for a number
 * (RFC 3261 §10.2).
 *
 * @param registrarUri the Request-URI of our REGISTERs, e.g. {@code sip:trunk.example.com:5060}
 * @param aor our address-of-record (To and From), e.g. {@code sip:4930123@trunk.example.com}
 * @param credentials for 401/407 challenges; {@code null} if the registrar does not ask
 * @param transport {@code udp} or {@code tcp}
 * @param expires the expiry we ask for; we refresh at 80% of what the registrar grants
 * @param retryMin first wait after a failure; it doubles on every failure in a row
 * @param retryMax the longest wait between attempts
 */
public record OutboundRegistration(
    String registrarUri, String aor, Credentials credentials, String transport, Duration expires, Duration retryMin,
    Duration retryMax) {
  public OutboundRegistration {
    Objects.requireNonNull(registrarUri, "registrarUri");
    Objects.requireNonNull(aor, "aor");
    Objects.requireNonNull(transport, "transport");
    if (expires.toSeconds() < 1) throw new IllegalArgumentException("expires below 1 s");
    if (retryMin.isNegative() || retryMin.isZero() || retryMax.compareTo(retryMin) < 0) {
      throw new IllegalArgumentException("need 0 < retryMin <= retryMax");
    }
  }

  /** UDP, one hour, retries after 5 s doubling up to 5 minutes. */
  public static OutboundRegistration of(String registrarUri, String aor, Credentials credentials) {
    return new OutboundRegistration(registrarUri, aor, credentials, "udp", Duration.ofHours(1), Duration.ofSeconds(5),
        Duration.ofMinutes(5));
  }

  public OutboundRegistration withExpires(Duration expires) {
    return new OutboundRegistration(registrarUri, aor, credentials, transport, expires, retryMin, retryMax);
  }

  public OutboundRegistration withTransport(String transport) {
    return new OutboundRegistration(registrarUri, aor, credentials, transport, expires, retryMin, retryMax);
  }

  public OutboundRegistration withRetry(Duration min, Duration max) {
    return new OutboundRegistration(registrarUri, aor, credentials, transport, expires, min, max);
  }
}
