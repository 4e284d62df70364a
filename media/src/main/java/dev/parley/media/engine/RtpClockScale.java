package dev.parley.media.engine;

/**
 * Maps an incoming stream's RTP timestamps (the codec's clock: 8000 for G.722, 48000 for Opus) onto
 * the room's sample clock, where the jitter buffer indexes decoded PCM. The timestamps are unwrapped
 * first (32-bit differences from the previous one, RFC 3550 §5.1), so a division (48000 to 16000) stays
 * exact across the 2^32 wrap; the result is again taken modulo 2^32, as the jitter buffer expects.
 * Media thread only.
 */
final class RtpClockScale {
  private final long num;
  private final long den;
  private boolean started;
  private long lastTs;
  private long extended;

  RtpClockScale(int clockRateHz, int roomRateHz) {
    long g = gcd(clockRateHz, roomRateHz);
    this.num = roomRateHz / g;
    this.den = clockRateHz / g;
  }

  boolean identity() {
    return num == den;
  }

  /** The room-clock timestamp of an RTP timestamp (unsigned 32 bits in a long). */
  long toRoom(long rtpTimestamp) {
    if (identity()) return rtpTimestamp;
    if (!started) {
      started = true;
      extended = rtpTimestamp;
    } else {
      extended += (int) (rtpTimestamp - lastTs);
    }
    lastTs = rtpTimestamp;
    return Math.floorDiv(extended * num, den) & 0xffffffffL;
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }
}
