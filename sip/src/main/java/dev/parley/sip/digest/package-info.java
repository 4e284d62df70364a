/**
 * HTTP digest authentication as SIP uses it (RFC 3261 §22.4, RFC 7616 with qop=auth, RFC 8760 for
 * SHA-256 in SIP): the response computation, nonces that expire, and the parameters of a challenge
 * and of credentials as plain values. Pure: JDK only, no SIP stack, no clock of its own.
 */
package dev.parley.sip.digest;
