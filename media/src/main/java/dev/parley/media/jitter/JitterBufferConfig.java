package dev.parley.media.jitter;

/**
 * Sizing of one {@link JitterBuffer}. Immutable.
 *
 * @param clockRateHz the RTP clock rate of the stream, which for the supported codecs is also the
 *     sample rate of the decoded PCM
 * @param minDelayMs the least playout delay the buffer aims for, however calm the network
 * @param maxDelayMs the most playout delay the buffer aims for, however bad the jitter
 * @param capacityMs how far ahead of the playout point audio is stored; a packet further ahead is a
 *     timestamp jump
 */
public record JitterBufferConfig(int clockRateHz, int minDelayMs, int maxDelayMs, int capacityMs) {
  public JitterBufferConfig {
    if (clockRateHz < 1000 || clockRateHz > 192_000) {
      throw new IllegalArgumentException("clock rate out of range: " + clockRateHz);
    }
    if (minDelayMs < 0 || maxDelayMs < minDelayMs) {
      throw new IllegalArgumentException("need 0 <= minDelayMs <= maxDelayMs: " + minDelayMs + ", " + maxDelayMs);
    }
    // Playout starts at the target delay plus one read, so the capacity must hold more than the maximum.
    if (capacityMs <= maxDelayMs || capacityMs > 10_000) {
      throw new IllegalArgumentException("need maxDelayMs < capacityMs <= 10000: " + capacityMs);
    }
  }

  /** 20..200 ms of delay, one second of capacity. */
  public static JitterBufferConfig defaults(int clockRateHz) {
    return new JitterBufferConfig(clockRateHz, 20, 200, 1000);
  }

  /** Converts milliseconds to samples at this clock rate. */
  int samples(int ms) {
    return (int) ((long) ms * clockRateHz / 1000);
  }
}
