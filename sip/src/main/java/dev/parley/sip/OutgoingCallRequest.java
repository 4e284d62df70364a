package dev.parley.sip;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A call we place (RFC 3261 §13.2.1). Build one with {@link #to} or {@link #toBinding} and the
 * {@code with*} methods.
 *
 * @param requestUri a {@code sip:} URI, e.g. {@code sip:+4930123@trunk.example.com:5060}
 * @param nextHop where the INVITE goes first; {@code null}: the Request-URI's host and port, over its
 *     {@code transport} parameter (UDP by default)
 * @param fromUser the From user: the caller ID number (RFC 3261 §8.1.1.3)
 * @param fromDisplayName the From display name, or {@code null}
 * @param headers extra headers, name to value (e.g. {@code P-Asserted-Identity}); in this order
 * @param offerSdp our SDP offer (the INVITE's body)
 * @param credentials answer 401/407 challenges with these; {@code null}: such a challenge fails the
 *     call
 * @param ringTimeout give up (CANCEL, then {@link OutgoingCallListener#onFailed} with 408) if no
 *     answer comes within this
 */
public record OutgoingCallRequest(
    String requestUri,
    NextHop nextHop,
    String fromUser,
    String fromDisplayName,
    Map<String, String> headers,
    String offerSdp,
    Credentials credentials,
    Duration ringTimeout) {

  public OutgoingCallRequest {
    Objects.requireNonNull(requestUri, "requestUri");
    Objects.requireNonNull(fromUser, "fromUser");
    Objects.requireNonNull(offerSdp, "offerSdp");
    Objects.requireNonNull(ringTimeout, "ringTimeout");
    if (!requestUri.regionMatches(true, 0, "sip:", 0, 4)) throw new IllegalArgumentException("not a sip: URI: " + requestUri);
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers)); // keeps the caller's order
  }

  /** A call to {@code uri} from user {@code parley}, no extra headers, 60 s ring timeout. */
  public static OutgoingCallRequest to(String uri, String offerSdp) {
    return new OutgoingCallRequest(uri, null, "parley", null, Map.of(), offerSdp, null, Duration.ofSeconds(60));
  }

  /**
   * A call to a registered contact: its Contact URI as Request-URI, sent to where its REGISTER came
   * from, which is the only address that works behind NAT (RFC 3581 §4).
   */
  public static OutgoingCallRequest toBinding(Binding binding, String offerSdp) {
    return to(binding.contactUri(), offerSdp).withNextHop(binding.nextHop());
  }

  public OutgoingCallRequest withNextHop(NextHop hop) {
    return new OutgoingCallRequest(requestUri, hop, fromUser, fromDisplayName, headers, offerSdp, credentials, ringTimeout);
  }

  /** The caller ID: From user and display name. */
  public OutgoingCallRequest withFrom(String user, String displayName) {
    return new OutgoingCallRequest(requestUri, nextHop, user, displayName, headers, offerSdp, credentials, ringTimeout);
  }

  public OutgoingCallRequest withHeaders(Map<String, String> headers) {
    return new OutgoingCallRequest(requestUri, nextHop, fromUser, fromDisplayName, headers, offerSdp, credentials, ringTimeout);
  }

  public OutgoingCallRequest withCredentials(Credentials credentials) {
    return new OutgoingCallRequest(requestUri, nextHop, fromUser, fromDisplayName, headers, offerSdp, credentials, ringTimeout);
  }

  public OutgoingCallRequest withRingTimeout(Duration ringTimeout) {
    return new OutgoingCallRequest(requestUri, nextHop, fromUser, fromDisplayName, headers, offerSdp, credentials, ringTimeout);
  }
}
