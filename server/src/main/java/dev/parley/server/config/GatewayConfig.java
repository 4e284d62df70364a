package dev.parley.server.config;

import java.util.List;
import java.util.Objects;

/**
 * A SIP trunk: {@code gateway/NAME/NUMBER} dials NUMBER through it.
 *
 * @param name      the key under {@code gateways:}
 * @param host      IP literal or localhost of the trunk's SIP server
 * @param port      its port
 * @param transport udp or tcp
 * @param username  digest user for its challenges (and registration), or null
 * @param password  digest password, or null
 * @param register  keep a registration at the trunk (refreshed)
 * @param callerId  the number sent as caller ID through this trunk, or null to pass the room's
 * @param prefixes  numbers starting with one of these go out through this trunk (invite by keypad)
 */
public record GatewayConfig(String name, String host, int port, String transport, String username, String password,
        boolean register, String callerId, List<String> prefixes) {

    public GatewayConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(transport, "transport");
        prefixes = List.copyOf(prefixes);
    }

    /**
     * Whether an incoming call from this address and port comes from this trunk. The port counts too:
     * on one host (loopback tests, a PBX beside Parley) phones and trunk share the address.
     */
    public boolean isFrom(String sourceHost, int sourcePort) {
        return host.equals(sourceHost) && port == sourcePort;
    }

    @Override
    public String toString() {
        return "GatewayConfig[" + name + ", " + host + ":" + port + "/" + transport + "]"; // never the password
    }
}
