package dev.parley.media.rtcp;

/**
 * Writes the parts of our compound reports (RFC 3550 §6.4, §6.5, §6.6) into a caller's array. Static,
 * allocation-free; each method returns the bytes it wrote. A compound is an SR or RR first, then the
 * SDES with our CNAME (§6.1: both are required in every compound), then a BYE when leaving.
 */
public final class RtcpWriter {
  private RtcpWriter() {}

  /** One report block's values, as {@link ReceptionStatistics} fills them. */
  public static final class Block {
    public long ssrc;
    public int fractionLost;
    public int cumulativeLost;
    public long extendedHighest;
    public long jitter;
    public long lastSr;
    public long delaySinceLastSr;
  }

  /**
   * An SR (when {@code ntp != 0}: we sent media) or an RR with zero or one report block.
   *
   * @param block the block, or null for none
   */
  public static int report(byte[] b, int off, long ssrc, long ntp, long rtpTimestamp, long packets, long octets,
      Block block) {
    boolean sr = ntp != 0;
    int count = block == null ? 0 : 1;
    int words = 1 + (sr ? 5 : 0) + 6 * count; // length field: 32-bit words minus one
    b[off] = (byte) (0x80 | count);
    b[off + 1] = (byte) (sr ? RtcpParser.SR : RtcpParser.RR);
    put16(b, off + 2, words);
    put32(b, off + 4, ssrc);
    int q = off + 8;
    if (sr) {
      put32(b, q, ntp >>> 32);
      put32(b, q + 4, ntp);
      put32(b, q + 8, rtpTimestamp);
      put32(b, q + 12, packets);
      put32(b, q + 16, octets);
      q += 20;
    }
    if (block != null) {
      put32(b, q, block.ssrc);
      put32(b, q + 4, ((long) (block.fractionLost & 0xff) << 24) | (block.cumulativeLost & 0xffffff));
      put32(b, q + 8, block.extendedHighest);
      put32(b, q + 12, block.jitter);
      put32(b, q + 16, block.lastSr);
      put32(b, q + 20, block.delaySinceLastSr);
      q += 24;
    }
    return q - off;
  }

  /** An SDES with one chunk holding our CNAME (ASCII, at most 255 bytes), null-terminated and padded to 32 bits. */
  public static int sdesCname(byte[] b, int off, long ssrc, byte[] cname) {
    int n = Math.min(cname.length, 255);
    // SSRC, type, length, text, at least one zero octet ending the item list, up to a word boundary (§6.5).
    int chunk = 4 + 2 + n;
    int padded = (chunk + 4) & ~3;
    b[off] = (byte) 0x81;
    b[off + 1] = (byte) RtcpParser.SDES;
    put16(b, off + 2, padded / 4);
    put32(b, off + 4, ssrc);
    b[off + 8] = 1;
    b[off + 9] = (byte) n;
    System.arraycopy(cname, 0, b, off + 10, n);
    for (int i = off + 4 + chunk; i < off + 4 + padded; i++) b[i] = 0;
    return 4 + padded;
  }

  /** A BYE for our SSRC, without a reason (§6.6). */
  public static int bye(byte[] b, int off, long ssrc) {
    b[off] = (byte) 0x81;
    b[off + 1] = (byte) RtcpParser.BYE;
    put16(b, off + 2, 1);
    put32(b, off + 4, ssrc);
    return 8;
  }

  private static void put16(byte[] b, int i, int v) {
    b[i] = (byte) (v >>> 8);
    b[i + 1] = (byte) v;
  }

  private static void put32(byte[] b, int i, long v) {
    b[i] = (byte) (v >>> 24);
    b[i + 1] = (byte) (v >>> 16);
    b[i + 2] = (byte) (v >>> 8);
    b[i + 3] = (byte) v;
  }
}
