package dev.parley.sip;

import java.util.Locale;
import java.util.Objects;

/**
 * Where a request we send goes first, instead of the host of its Request-URI (RFC 3261 §8.1.2 lets a
 * UAC send to an outbound proxy or a known flow).
 *
 * @param transport {@code udp} or {@code tcp}
 */
public record NextHop(String host, int port, String transport) {
  public NextHop {
    Objects.requireNonNull(host, "host");
    if (port < 1 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
    transport = transport.toLowerCase(Locale.ROOT);
    if (!transport.equals("udp") && !transport.equals("tcp")) throw new IllegalArgumentException("transport " + transport);
  }
}
