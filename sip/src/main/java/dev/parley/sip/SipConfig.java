package dev.parley.sip;

import java.util.Objects;

/**
 * Where and how the SIP server listens.
 *
 * @param address the local IP address to bind, e.g. {@code 127.0.0.1}; also the host written in our
 *     Contact headers unless it is a wildcard ({@code 0.0.0.0} / {@code ::}), in which case the
 *     address each request arrived on is used
 * @param port the SIP port, 1-65535; UDP and TCP share it (RFC 3261 §18: a server listening on a
 *     port for one transport SHOULD listen on it for the other)
 * @param udp whether to listen on UDP
 * @param tcp whether to listen on TCP
 * @param userAgent product token for our {@code Server} and {@code User-Agent} headers; {@code null}
 *     or blank leaves the headers out
 * @param tls SIP over TLS on its own port, or {@code null} for none
 */
public record SipConfig(String address, int port, boolean udp, boolean tcp, String userAgent, TlsConfig tls) {
  public SipConfig {
    Objects.requireNonNull(address, "address");
    if (address.isBlank()) throw new IllegalArgumentException("address is blank");
    if (port < 1 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
    if (!udp && !tcp && tls == null) throw new IllegalArgumentException("neither UDP, TCP nor TLS enabled");
    if (tls != null && tls.port() == port && tcp) {
      throw new IllegalArgumentException("TLS and TCP cannot share port " + port);
    }
  }

  /** Without TLS. */
  public SipConfig(String address, int port, boolean udp, boolean tcp, String userAgent) {
    this(address, port, udp, tcp, userAgent, null);
  }
}
