package dev.parley.sip.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/** Our TLS identity: a certificate chain and its private key, read from PEM files. */
public record PemIdentity(List<X509Certificate> chain, PrivateKey key) {
  private static final String ALIAS = "parley";

  public PemIdentity {
    chain = List.copyOf(chain);
  }

  /**
   * Reads the certificate file (our certificate first, then its chain) and the key file.
   *
   * @throws TlsSetupException naming the file: missing, unreadable, no certificate, an encrypted or
   *     unknown key, or a key that does not belong to the certificate
   */
  public static PemIdentity read(Path certificatePem, Path privateKeyPem) throws TlsSetupException {
    List<X509Certificate> chain = new ArrayList<>();
    JcaX509CertificateConverter certs = new JcaX509CertificateConverter();
    for (Object o : objects(certificatePem)) {
      if (o instanceof X509CertificateHolder h) {
        try {
          chain.add(certs.getCertificate(h));
        } catch (GeneralSecurityException e) {
          throw new TlsSetupException(certificatePem + ": unreadable certificate: " + e.getMessage(), e);
        }
      }
    }
    if (chain.isEmpty()) throw new TlsSetupException(certificatePem + ": no PEM certificate (-----BEGIN CERTIFICATE-----)");
    PrivateKey key = null;
    JcaPEMKeyConverter keys = new JcaPEMKeyConverter();
    for (Object o : objects(privateKeyPem)) {
      try {
        if (o instanceof PEMKeyPair kp) key = keys.getPrivateKey(kp.getPrivateKeyInfo()); // SEC1 may omit the public key
        else if (o instanceof PrivateKeyInfo pki) key = keys.getPrivateKey(pki);
        else if (o instanceof PEMEncryptedKeyPair || o instanceof PKCS8EncryptedPrivateKeyInfo) {
          throw new TlsSetupException(privateKeyPem + ": the private key is encrypted; give an unencrypted PEM key "
              + "(openssl pkey -in KEY -out PLAIN) and protect the file instead");
        }
      } catch (IOException e) {
        throw new TlsSetupException(privateKeyPem + ": unreadable private key: " + e.getMessage(), e);
      }
      if (key != null) break;
    }
    if (key == null) throw new TlsSetupException(privateKeyPem + ": no PEM private key (-----BEGIN PRIVATE KEY-----)");
    PemIdentity id = new PemIdentity(chain, key);
    id.checkPair(certificatePem, privateKeyPem);
    return id;
  }

  /** A PKCS#12 key store holding the identity under a password (what the SIP stack loads). */
  public KeyStore keyStore(char[] password) throws TlsSetupException {
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry(ALIAS, key, password, chain.toArray(new X509Certificate[0]));
      return ks;
    } catch (GeneralSecurityException | IOException e) {
      throw new TlsSetupException("cannot build a key store: " + e.getMessage(), e);
    }
  }

  /** Writes {@link #keyStore} to {@code file}, readable by its owner only. */
  public void writeKeyStore(Path file, char[] password) throws TlsSetupException {
    try (OutputStream out = Files.newOutputStream(file)) {
      Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
      keyStore(password).store(out, password);
    } catch (GeneralSecurityException | IOException | UnsupportedOperationException e) {
      throw new TlsSetupException(file + ": cannot write the key store: " + e.getMessage(), e);
    }
  }

  /** Signs and verifies a probe, so a key from another certificate fails at start, not at the first call. */
  private void checkPair(Path certificatePem, Path privateKeyPem) throws TlsSetupException {
    String alg = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : key.getAlgorithm().equals("RSA")
        ? "SHA256withRSA" : null;
    if (alg == null) return; // Ed25519 and others: left to the handshake
    try {
      java.security.Signature s = java.security.Signature.getInstance(alg);
      s.initSign(key);
      byte[] probe = "parley".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      s.update(probe);
      byte[] sig = s.sign();
      s.initVerify(chain.getFirst().getPublicKey());
      s.update(probe);
      if (!s.verify(sig)) throw new TlsSetupException(privateKeyPem + ": this key does not belong to the certificate in " + certificatePem);
    } catch (GeneralSecurityException e) {
      throw new TlsSetupException(privateKeyPem + ": this key does not belong to the certificate in " + certificatePem
          + " (" + e.getMessage() + ")", e);
    }
  }

  private static List<Object> objects(Path file) throws TlsSetupException {
    if (!Files.isReadable(file)) throw new TlsSetupException(file + ": no such readable file");
    List<Object> out = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(file); PEMParser p = new PEMParser(r)) {
      for (Object o = p.readObject(); o != null; o = p.readObject()) out.add(o);
    } catch (IOException e) {
      throw new TlsSetupException(file + ": not PEM: " + e.getMessage(), e);
    }
    return out;
  }
}
