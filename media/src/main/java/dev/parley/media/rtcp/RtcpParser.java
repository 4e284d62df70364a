package dev.parley.media.rtcp;

/**
 * A reusable view over one compound RTCP packet (RFC 3550 §6.1), filled in place by {@link #parse}:
 *
 * <pre>
 *  0                   1                   2                   3
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|   RC    |  PT=SR(200)   |      length (words - 1)       |  header
 * |                        SSRC of sender                         |
 * |   NTP timestamp (64) | RTP timestamp | packets | octets       |  sender info (SR only)
 * |   report blocks: SSRC, fraction lost(8) cumulative lost(24),  |
 * |   extended highest seq, jitter, LSR, DLSR  (24 bytes each)    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   then RR (201), SDES (202), BYE (203), APP (204) or anything else, one after another
 * </pre>
 *
 * <p>Kept from a compound: the first SR or RR (sender SSRC, sender info, up to {@link #MAX_BLOCKS}
 * report blocks), the CNAME of the first SDES chunk (as an offset into the caller's array), and whether
 * a BYE was present. Unknown packet types are skipped by their length. Validity follows Appendix A.2:
 * version 2 everywhere, the first packet an SR or RR, padding only on the last, and the lengths adding
 * up to exactly the datagram. Media thread only; nothing allocated after construction.
 */
public final class RtcpParser {
  public static final int SR = 200;
  public static final int RR = 201;
  public static final int SDES = 202;
  public static final int BYE = 203;
  /** Report count is 5 bits (§6.4.1). */
  public static final int MAX_BLOCKS = 31;
  private static final int SDES_CNAME = 1;

  private boolean senderReport;
  private long senderSsrc;
  private long ntpTimestamp;
  private long rtpTimestamp;
  private long senderPacketCount;
  private long senderOctetCount;
  private int blockCount;
  private final long[] blockSsrc = new long[MAX_BLOCKS];
  private final int[] fractionLost = new int[MAX_BLOCKS];
  private final int[] cumulativeLost = new int[MAX_BLOCKS];
  private final long[] extendedHighest = new long[MAX_BLOCKS];
  private final long[] jitter = new long[MAX_BLOCKS];
  private final long[] lastSr = new long[MAX_BLOCKS];
  private final long[] delaySinceLastSr = new long[MAX_BLOCKS];
  private int cnameOffset;
  private int cnameLength;
  private boolean bye;
  private int skippedPackets;

  /**
   * Parses {@code buf[off..off+len)}.
   *
   * @return false for anything that is not a valid compound (the fields are then meaningless)
   */
  public boolean parse(byte[] buf, int off, int len) {
    clear();
    if (buf == null || off < 0 || len < 8 || off > buf.length - len) return false;
    int end = off + len;
    int p = off;
    boolean first = true;
    boolean haveReport = false;
    while (p < end) {
      if (end - p < 4) return false;
      int b0 = buf[p] & 0xff;
      if (b0 >>> 6 != 2) return false;
      int count = b0 & 0x1f;
      int pt = buf[p + 1] & 0xff;
      int bytes = 4 * (u16(buf, p + 2) + 1);
      if (bytes > end - p) return false;
      int body = bytes;
      if ((b0 & 0x20) != 0) {
        // §6.4.1/A.2: only the last packet of a compound may be padded; the last octet counts it.
        if (p + bytes != end) return false;
        int pad = buf[end - 1] & 0xff;
        if (pad == 0 || pad > bytes - 4) return false;
        body = bytes - pad;
      }
      if (first && pt != SR && pt != RR) return false;
      first = false;
      if ((pt == SR || pt == RR) && !haveReport) {
        if (!report(buf, p, body, pt == SR, count)) return false;
        haveReport = true;
      } else if (pt == SDES && cnameLength == 0) {
        cname(buf, p, body, count);
      } else if (pt == BYE) {
        bye = true;
      } else {
        skippedPackets++;
      }
      p += bytes;
    }
    return true;
  }

  private boolean report(byte[] buf, int p, int body, boolean sr, int count) {
    int need = 8 + (sr ? 20 : 0) + 24 * count;
    if (body < need) return false;
    senderReport = sr;
    senderSsrc = u32(buf, p + 4);
    int q = p + 8;
    if (sr) {
      ntpTimestamp = (u32(buf, q) << 32) | u32(buf, q + 4);
      rtpTimestamp = u32(buf, q + 8);
      senderPacketCount = u32(buf, q + 12);
      senderOctetCount = u32(buf, q + 16);
      q += 20;
    }
    blockCount = count;
    for (int i = 0; i < count; i++, q += 24) {
      blockSsrc[i] = u32(buf, q);
      fractionLost[i] = buf[q + 4] & 0xff;
      // 24-bit signed: duplicates can make it negative (§6.4.1).
      cumulativeLost[i] = ((buf[q + 5] << 16) | ((buf[q + 6] & 0xff) << 8) | (buf[q + 7] & 0xff));
      extendedHighest[i] = u32(buf, q + 8);
      jitter[i] = u32(buf, q + 12);
      lastSr[i] = u32(buf, q + 16);
      delaySinceLastSr[i] = u32(buf, q + 20);
    }
    return true;
  }

  /** The CNAME item of the first chunk, if it lies within the packet (§6.5.1). */
  private void cname(byte[] buf, int p, int body, int chunks) {
    if (chunks == 0) return;
    int end = p + body;
    int q = p + 8; // header and the first chunk's SSRC
    while (q + 2 <= end) {
      int type = buf[q] & 0xff;
      if (type == 0) return;
      int n = buf[q + 1] & 0xff;
      if (q + 2 + n > end) return;
      if (type == SDES_CNAME) {
        cnameOffset = q + 2;
        cnameLength = n;
        return;
      }
      q += 2 + n;
    }
  }

  private void clear() {
    senderReport = false;
    senderSsrc = 0;
    ntpTimestamp = 0;
    rtpTimestamp = 0;
    senderPacketCount = 0;
    senderOctetCount = 0;
    blockCount = 0;
    cnameOffset = 0;
    cnameLength = 0;
    bye = false;
    skippedPackets = 0;
  }

  static int u16(byte[] b, int i) {
    return ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
  }

  static long u32(byte[] b, int i) {
    return ((long) (b[i] & 0xff) << 24) | ((b[i + 1] & 0xff) << 16) | ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
  }

  /** True if the report was an SR (the peer sends media), false for an RR. */
  public boolean senderReport() {
    return senderReport;
  }

  public long senderSsrc() {
    return senderSsrc;
  }

  /** SR only: the 64-bit NTP timestamp (seconds since 1900 in the high 32 bits, fraction below). */
  public long ntpTimestamp() {
    return ntpTimestamp;
  }

  public long rtpTimestamp() {
    return rtpTimestamp;
  }

  public long senderPacketCount() {
    return senderPacketCount;
  }

  public long senderOctetCount() {
    return senderOctetCount;
  }

  public int blockCount() {
    return blockCount;
  }

  public long blockSsrc(int i) {
    return blockSsrc[i];
  }

  /** Fraction lost since the previous report, in 1/256. */
  public int fractionLost(int i) {
    return fractionLost[i];
  }

  public int cumulativeLost(int i) {
    return cumulativeLost[i];
  }

  public long extendedHighestSequence(int i) {
    return extendedHighest[i];
  }

  /** Interarrival jitter in RTP timestamp units of the reported stream. */
  public long jitter(int i) {
    return jitter[i];
  }

  /** The middle 32 bits of the NTP timestamp of the last SR the reporter got from that source, or 0. */
  public long lastSr(int i) {
    return lastSr[i];
  }

  /** Delay since that SR, in 1/65536 s. */
  public long delaySinceLastSr(int i) {
    return delaySinceLastSr[i];
  }

  /** Offset of the CNAME bytes in the parsed array, valid if {@link #cnameLength()} is above 0. */
  public int cnameOffset() {
    return cnameOffset;
  }

  public int cnameLength() {
    return cnameLength;
  }

  public boolean bye() {
    return bye;
  }

  /** Packets of types not read here (APP, XR, feedback...), skipped by their length. */
  public int skippedPackets() {
    return skippedPackets;
  }
}
