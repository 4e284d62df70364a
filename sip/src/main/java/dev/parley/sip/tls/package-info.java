/**
 * Certificates for SIP over TLS: PEM files read into a key store, and a self-signed certificate made
 * on first start for demos. BouncyCastle reads and writes PEM (the JDK has no PEM key reader before
 * its preview API, and keytool's classes are not public). No SIP stack here.
 */
package dev.parley.sip.tls;
