/**
 * SRTP and SRTCP (RFC 3711) with the two SDES crypto suites of RFC 4568 §6.2:
 * AES_CM_128_HMAC_SHA1_80 and AES_CM_128_HMAC_SHA1_32. Written on the JDK's {@code javax.crypto}
 * (AES in ECB mode for the counter blocks, SHA-1 for HMAC) with every buffer and engine made once per
 * stream, so protecting and unprotecting a packet allocates nothing. No sockets, no SDP here.
 */
package dev.parley.media.srtp;
