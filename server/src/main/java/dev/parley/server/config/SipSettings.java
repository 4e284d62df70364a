package dev.parley.server.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the SIP stack listens.
 *
 * @param address IP literal to bind ({@code 0.0.0.0} or {@code ::} for all interfaces) or {@code localhost}
 * @param port    1..65535, the same for every transport
 * @param udp     listen on UDP
 * @param tcp     listen on TCP; at least one of udp, tcp and tls is on
 * @param tls     listen for SIP over TLS ({@code sips:}, {@code ;transport=tls}) on {@code tlsPort}
 * @param tlsPort 1..65535, not {@code port} while TCP is on
 * @param tlsCertificate our PEM certificate (and chain), or {@code null} for a self-signed one made in the
 *                data directory on first start
 * @param tlsPrivateKey its PEM private key; null exactly when {@code tlsCertificate} is
 * @param defences rate limits and refused user agents
 */
public record SipSettings(String address, int port, boolean udp, boolean tcp, boolean tls, int tlsPort,
                          Path tlsCertificate, Path tlsPrivateKey, SipDefences defences) {

    /** The conventional TLS port (RFC 3261 §19.1.2). */
    public static final int DEFAULT_TLS_PORT = 5061;

    public SipSettings {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(defences, "defences");
    }

    /** Without TLS. */
    public SipSettings(String address, int port, boolean udp, boolean tcp, SipDefences defences) {
        this(address, port, udp, tcp, false, DEFAULT_TLS_PORT, null, null, defences);
    }

    /** Certificate paths made absolute against the config file's directory. */
    SipSettings resolvedAgainst(Path baseDir) {
        if (baseDir == null) return this;
        return new SipSettings(address, port, udp, tcp, tls, tlsPort,
                tlsCertificate == null ? null : baseDir.resolve(tlsCertificate),
                tlsPrivateKey == null ? null : baseDir.resolve(tlsPrivateKey), defences);
    }
}
