package dev.parley.server.app;

import dev.parley.server.config.SipSettings;
import dev.parley.sip.TlsConfig;
import dev.parley.sip.tls.SelfSignedCertificate;
import dev.parley.sip.tls.TlsSetupException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The certificate SIP over TLS uses: the configured PEM files, or a self-signed one kept in the data directory. */
final class TlsCertificates {
  private static final Logger log = LoggerFactory.getLogger(TlsCertificates.class);

  private TlsCertificates() {}

  /** The SIP layer's TLS settings, or null when TLS is off; makes the self-signed certificate if needed. */
  static TlsConfig forSip(SipSettings s, Path dataDir) throws TlsSetupException {
    if (!s.tls()) return null;
    if (s.tlsCertificate() != null) return new TlsConfig(s.tlsPort(), s.tlsCertificate(), s.tlsPrivateKey());
    Path cert = dataDir.resolve("tls").resolve("self-signed-cert.pem");
    Path key = dataDir.resolve("tls").resolve("self-signed-key.pem");
    if (SelfSignedCertificate.ensure(cert, key, s.address())) {
      log.warn("SIP over TLS: made a self-signed certificate {} (for demos: phones will not trust it; "
          + "set sip.tls-certificate and sip.tls-private-key)", cert);
    } else {
      log.info("SIP over TLS: using the self-signed certificate {}", cert);
    }
    return new TlsConfig(s.tlsPort(), cert, key);
  }
}
