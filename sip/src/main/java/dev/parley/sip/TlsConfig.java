package dev.parley.sip;

import java.nio.file.Path;
import java.util.Objects;

/**
 * SIP over TLS (RFC 3261 §26.2, {@code sips:} and {@code ;transport=tls}): the port and our
 * certificate. TLS 1.2 and 1.3 only; clients are not asked for a certificate.
 *
 * @param port the TLS port, conventionally 5061; it must differ from the UDP/TCP port (TLS is TCP)
 * @param certificatePem our certificate, then any chain, as PEM
 * @param privateKeyPem its private key as unencrypted PEM (PKCS#8, PKCS#1 RSA or SEC1 EC)
 */
public record TlsConfig(int port, Path certificatePem, Path privateKeyPem) {
  public TlsConfig {
    if (port < 1 || port > 65535) throw new IllegalArgumentException("TLS port out of range: " + port);
    Objects.requireNonNull(certificatePem, "certificatePem");
    Objects.requireNonNull(privateKeyPem, "privateKeyPem");
  }
}
