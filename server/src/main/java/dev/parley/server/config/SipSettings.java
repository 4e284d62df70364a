package dev.parley.server.config;

import java.util.Objects;

/**
 * Where the SIP stack listens.
 *
 * @param address IP literal to bind ({@code 0.0.0.0} or {@code ::} for all interfaces) or {@code localhost}
 * @param port    1..65535, the same for every transport
 * @param udp     listen on UDP
 * @param tcp     listen on TCP; at least one of the two is on
 * @param defences rate limits and refused user agents
 */
public record SipSettings(String address, int port, boolean udp, boolean tcp, SipDefences defences) {

    public SipSettings {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(defences, "defences");
    }
}
