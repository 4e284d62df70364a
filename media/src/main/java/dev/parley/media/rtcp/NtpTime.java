package dev.parley.media.rtcp;

/**
 * Maps the media thread's {@link System#nanoTime()} onto 64-bit NTP timestamps (RFC 3550 §4: seconds
 * since 1900 in the high word, the fraction in the low word). The wall clock is read once, when made,
 * so SR timestamps advance with the monotonic clock and a wall-clock step cannot corrupt RTTs.
 */
public final class NtpTime {
  /** Seconds from 1900-01-01 to 1970-01-01. */
  static final long EPOCH_OFFSET_SECONDS = 2_208_988_800L;

  private final long originNanos;
  private final long originNtp;

  /** @param wallMillis the wall clock (Unix milliseconds) at {@code nowNanos} */
  public NtpTime(long wallMillis, long nowNanos) {
    this.originNanos = nowNanos;
    long seconds = Math.floorDiv(wallMillis, 1000) + EPOCH_OFFSET_SECONDS;
    long fraction = (Math.floorMod(wallMillis, 1000) << 32) / 1000;
    this.originNtp = (seconds << 32) + fraction;
  }

  public static NtpTime system() {
    return new NtpTime(System.currentTimeMillis(), System.nanoTime());
  }

  /** The NTP timestamp of {@code nanos} on the {@code nanoTime} scale. */
  public long at(long nanos) {
    long elapsed = nanos - originNanos;
    long seconds = elapsed / 1_000_000_000L;
    long rest = elapsed % 1_000_000_000L;
    return originNtp + (seconds << 32) + (rest << 32) / 1_000_000_000L;
  }

  /** The middle 32 bits (§6.4.1 LSR, and the A of the RTT formula): 16.16 fixed-point seconds. */
  public static long middle(long ntp) {
    return (ntp >>> 16) & 0xffffffffL;
  }
}
