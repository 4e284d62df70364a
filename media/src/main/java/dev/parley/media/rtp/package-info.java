/**
 * RTP framing (RFC 3550): a zero-copy packet view and wrap-around arithmetic for sequence numbers and
 * timestamps. No sockets here.
 */
package dev.parley.media.rtp;
