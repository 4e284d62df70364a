/**
 * SDP (RFC 4566) parsing and writing, and the offer/answer rules of RFC 3264 for one audio stream.
 *
 * <p>Pure values and functions: no SIP stack, no I/O, no threads. Everything here is immutable.
 */
package dev.parley.sip.sdp;
