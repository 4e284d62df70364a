package dev.parley.sip.jainsip;

import dev.parley.sip.SipStartException;
import dev.parley.sip.TlsConfig;
import dev.parley.sip.tls.PemIdentity;
import dev.parley.sip.tls.TlsSetupException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Properties;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * Gives the RI our TLS identity. The RI (1.3.0-91) loads its key store from a file named in the stack
 * properties when the stack is built, so the PEM identity is written to a PKCS#12 file readable by us
 * only, under a random password, and deleted as soon as the stack has read it. The RI's default
 * cipher list names RSA key exchange and anonymous suites that JDK 25 disables, so we give the JDK's
 * own defaults for TLS 1.2 and 1.3, which are the only protocols enabled.
 */
final class TlsStack {
  static final String PROTOCOLS = "TLSv1.3,TLSv1.2";

  private final Path keyStore;

  private TlsStack(Path keyStore) {
    this.keyStore = keyStore;
  }

  /** Reads the PEM files and adds the TLS properties; {@link #forget} once the stack is built. */
  static TlsStack prepare(TlsConfig tls, Properties p) throws SipStartException {
    PemIdentity id;
    try {
      id = PemIdentity.read(tls.certificatePem(), tls.privateKeyPem());
    } catch (TlsSetupException e) {
      throw new SipStartException("SIP over TLS: " + e.getMessage(), e);
    }
    byte[] secret = new byte[24];
    new SecureRandom().nextBytes(secret);
    String password = Base64.getEncoder().encodeToString(secret);
    Path file;
    try {
      file = Files.createTempFile("parley-tls-", ".p12");
      id.writeKeyStore(file, password.toCharArray());
    } catch (IOException | TlsSetupException e) {
      throw new SipStartException("SIP over TLS: cannot hand the certificate to the SIP stack: " + e.getMessage(), e);
    }
    p.setProperty("javax.net.ssl.keyStore", file.toString());
    p.setProperty("javax.net.ssl.keyStorePassword", password);
    p.setProperty("javax.net.ssl.keyStoreType", "PKCS12");
    // The trust store only matters for client certificates, which we do not ask for.
    p.setProperty("javax.net.ssl.trustStore", file.toString());
    p.setProperty("javax.net.ssl.trustStorePassword", password);
    p.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
    p.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", "Disabled");
    // Despite the name, the RI enables these protocols on its server sockets too.
    p.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", PROTOCOLS);
    p.setProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES", cipherSuites());
    p.setProperty("gov.nist.javax.sip.SSL_HANDSHAKE_TIMEOUT", "10000");
    return new TlsStack(file);
  }

  /** Deletes the key store file: the stack holds the keys in memory from here on. */
  void forget() {
    try {
      Files.deleteIfExists(keyStore);
    } catch (IOException e) {
      // A leftover file in the temporary directory, readable by us only; nothing else to do.
    }
  }

  private static String cipherSuites() throws SipStartException {
    try {
      return Arrays.stream(SSLContext.getDefault().getDefaultSSLParameters().getCipherSuites())
          .filter(c -> !c.startsWith("TLS_EMPTY_")) // the renegotiation marker is no suite
          .collect(Collectors.joining(","));
    } catch (NoSuchAlgorithmException e) {
      throw new SipStartException("SIP over TLS: the JDK offers no TLS: " + e.getMessage(), e);
    }
  }
}
