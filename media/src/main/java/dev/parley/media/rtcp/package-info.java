/**
 * RTCP (RFC 3550 §6): parsing compound reports from a member, building our SR + SDES (+ BYE), the
 * receive statistics behind our report blocks (Appendix A.3, A.8), round-trip time from a peer's
 * LSR/DLSR and a MOS estimate. Everything runs on the member's media thread over preallocated arrays;
 * {@link dev.parley.media.rtcp.RtcpStats} is the only thing other threads read.
 */
package dev.parley.media.rtcp;
