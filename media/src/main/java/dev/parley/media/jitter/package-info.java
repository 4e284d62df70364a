/**
 * The adaptive jitter buffer: decoded PCM indexed by RTP timestamp, playout with loss concealment,
 * and a delay that follows the RFC 3550 jitter estimate. One buffer per member, on its media thread.
 */
package dev.parley.media.jitter;
