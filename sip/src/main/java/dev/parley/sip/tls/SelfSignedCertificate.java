package dev.parley.sip.tls;

import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-signed certificate for demos: made once, on the first start with TLS on and no certificate
 * configured, into the data directory, and reused after. ECDSA P-256 (fast to make, and every TLS 1.2
 * client speaks ECDHE-ECDSA), valid for two years, naming {@code localhost}, 127.0.0.1, ::1 and the
 * address we listen on. Phones will not trust it; a real deployment configures its own.
 */
public final class SelfSignedCertificate {
  static final Duration VALIDITY = Duration.ofDays(730);

  private SelfSignedCertificate() {}

  /**
   * Makes the certificate and key files unless both exist.
   *
   * @return whether they were made now
   */
  public static boolean ensure(Path certificatePem, Path privateKeyPem, String host) throws TlsSetupException {
    if (Files.exists(certificatePem) && Files.exists(privateKeyPem)) return false;
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
      KeyPair pair = g.generateKeyPair();
      X500Name name = new X500Name("CN=Parley self-signed demo certificate");
      Instant now = Instant.now();
      JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
          name, new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE),
          Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)), name, pair.getPublic());
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names(host)));
      X509CertificateHolder cert = b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()));
      Files.createDirectories(certificatePem.toAbsolutePath().getParent());
      Files.createDirectories(privateKeyPem.toAbsolutePath().getParent());
      write(privateKeyPem, new JcaPKCS8Generator(pair.getPrivate(), null), true); // BEGIN PRIVATE KEY
      write(certificatePem, cert, false);
      return true;
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new TlsSetupException("cannot make a self-signed certificate in " + certificatePem + ": " + e.getMessage(), e);
    }
  }

  private static GeneralName[] names(String host) {
    java.util.List<GeneralName> out = new java.util.ArrayList<>();
    out.add(new GeneralName(GeneralName.dNSName, "localhost"));
    out.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
    out.add(new GeneralName(GeneralName.iPAddress, "::1"));
    boolean literal = host != null && (host.matches("[0-9.]+") || host.contains(":"));
    boolean wildcard = "0.0.0.0".equals(host) || "::".equals(host);
    if (host != null && !wildcard && !host.equals("127.0.0.1") && !host.equals("::1") && !host.equals("localhost")) {
      out.add(new GeneralName(literal ? GeneralName.iPAddress : GeneralName.dNSName, host));
    }
    return out.toArray(new GeneralName[0]);
  }

  private static void write(Path file, Object pem, boolean secret) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    Files.createFile(tmp);
    if (secret) {
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // Windows: the directory's ACL applies
      }
    }
    try (Writer w = Files.newBufferedWriter(tmp); JcaPEMWriter p = new JcaPEMWriter(w)) {
      p.writeObject(pem);
    }
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }
}
