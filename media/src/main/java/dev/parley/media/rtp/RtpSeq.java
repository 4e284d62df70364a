package dev.parley.media.rtp;

/**
 * Arithmetic on RTP sequence numbers (16 bits) and timestamps (32 bits), which wrap around (RFC 3550
 * §5.1, Appendix A.1). Pure functions, thread-safe, no allocation.
 */
public final class RtpSeq {
  private RtpSeq() {}

  /**
   * The signed distance from {@code older} to {@code newer} in 16-bit wrap space: positive when
   * {@code newer} comes after {@code older}, e.g. {@code diff(2, 65534) == 4}.
   *
   * @return -32768..32767; inputs are taken modulo 65536
   */
  public static int diff(int newer, int older) {
    return (short) (newer - older);
  }

  /**
   * The signed distance from {@code older} to {@code newer} in 32-bit wrap space, in timestamp units.
   *
   * @return -2^31..2^31-1; inputs are taken modulo 2^32
   */
  public static long tsDiff(long newer, long older) {
    return (int) (newer - older);
  }
}
