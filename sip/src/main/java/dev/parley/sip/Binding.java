package dev.parley.sip;

import java.time.Instant;

/**
 * One registered contact of a user (RFC 3261 §10.3), as a registrar keeps it.
 *
 * @param user the address-of-record's user part (the To user of the REGISTER)
 * @param contactUri the Contact URI the peer registered, e.g. {@code sip:bob@192.0.2.7:5060}; the
 *     Request-URI of calls to it
 * @param sourceHost the address the REGISTER came from; behind NAT the Contact names a private
 *     address, so calls are sent here (RFC 3581 §4 {@code received}, RFC 5626's flow idea)
 * @param sourcePort the port the REGISTER came from ({@code rport})
 * @param transport {@code udp} or {@code tcp}: the transport the REGISTER came over
 * @param callId the Call-ID of the REGISTER that made or last refreshed the binding
 * @param cseq its CSeq number: a later REGISTER with the same Call-ID must have a higher one
 * @param expiresAt when the binding lapses unless refreshed
 */
public record Binding(
    String user,
    String contactUri,
    String sourceHost,
    int sourcePort,
    String transport,
    String callId,
    long cseq,
    Instant expiresAt) {

  /** The hop that reaches the peer: where its REGISTER came from, over the same transport. */
  public NextHop nextHop() {
    return new NextHop(sourceHost, sourcePort, transport);
  }
}
