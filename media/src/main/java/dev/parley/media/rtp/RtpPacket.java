package dev.parley.media.rtp;

/**
 * A mutable, zero-copy view over one RTP packet held in a {@code byte[]} (RFC 3550 §5.1):
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|X|  CC   |M|     PT      |       sequence number         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           timestamp                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           synchronization source (SSRC) identifier            |
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * |            contributing source (CSRC) identifiers             |
 * |                             ....                              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  profile-defined (X=1, §5.3.1)|      length in 32-bit words   |
 * |                        header extension                       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     payload ...               | padding | cnt |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Reusable: {@link #wrap} it again for the next packet; nothing is copied and nothing allocated, so
 * one instance per media thread serves every packet. Not thread-safe. The view does not own the
 * buffer: it reads the caller's array each time an accessor is called, so the bytes must not change
 * while the view is in use. After {@code wrap} returns false the accessors are meaningless until the
 * next successful {@code wrap}.
 */
public final class RtpPacket {
  /** The fixed header: no CSRC, no extension. */
  private static final int HEADER_BYTES = 12;

  private static final int VERSION = 2;

  private byte[] buf;
  private int off;
  private int payloadOffset;
  private int payloadLength;

  /**
   * Points this view at {@code buf[off..off+len)} and validates the header.
   *
   * @return false, leaving the view unusable, if the bytes are not an RTP packet: range outside the
   *     array, shorter than 12 bytes, version not 2, CSRC list or header extension running past the
   *     end, or (with the P bit) a padding count of 0 or larger than what follows the header
   */
  public boolean wrap(byte[] buf, int off, int len) {
    this.buf = null;
    if (buf == null || off < 0 || len < HEADER_BYTES || off > buf.length - len) return false;
    int b0 = buf[off] & 0xFF;
    if (b0 >>> 6 != VERSION) return false;
    int header = HEADER_BYTES + 4 * (b0 & 0x0F);
    if ((b0 & 0x10) != 0) {
      // §5.3.1: 16 bits profile-defined, 16 bits length in 32-bit words not counting these four bytes.
      if (header + 4 > len) return false;
      int words = ((buf[off + header + 2] & 0xFF) << 8) | (buf[off + header + 3] & 0xFF);
      header += 4 + 4 * words;
    }
    if (header > len) return false;
    int padding = 0;
    if ((b0 & 0x20) != 0) {
      // §5.1: the last octet counts the padding octets, itself included, so 0 is invalid.
      padding = buf[off + len - 1] & 0xFF;
      if (padding == 0 || padding > len - header) return false;
    }
    this.buf = buf;
    this.off = off;
    this.payloadOffset = off + header;
    this.payloadLength = len - header - padding;
    return true;
  }

  /** The array this view reads (not a copy). */
  public byte[] buffer() {
    return buf;
  }

  public boolean marker() {
    return (buf[off + 1] & 0x80) != 0;
  }

  /** 0..127. */
  public int payloadType() {
    return buf[off + 1] & 0x7F;
  }

  /** 0..65535; compare with {@link RtpSeq#diff}. */
  public int sequence() {
    return ((buf[off + 2] & 0xFF) << 8) | (buf[off + 3] & 0xFF);
  }

  /** Unsigned 32 bits, in units of the payload's clock rate; compare with {@link RtpSeq#tsDiff}. */
  public long timestamp() {
    return readUnsigned32(off + 4);
  }

  /** Unsigned 32 bits. */
  public long ssrc() {
    return readUnsigned32(off + 8);
  }

  /** Index in {@link #buffer()} of the first payload byte, after CSRCs and the header extension. */
  public int payloadOffset() {
    return payloadOffset;
  }

  /** Payload bytes, excluding padding; may be 0. */
  public int payloadLength() {
    return payloadLength;
  }

  private long readUnsigned32(int at) {
    return ((long) (buf[at] & 0xFF) << 24)
        | ((buf[at + 1] & 0xFF) << 16)
        | ((buf[at + 2] & 0xFF) << 8)
        | (buf[at + 3] & 0xFF);
  }

  /**
   * Writes a 12-byte header (V=2, no padding, no extension, no CSRC) at {@code buf[off]}. Each value is
   * masked to its field: payload type to 7 bits, sequence to 16, timestamp and SSRC to 32.
   *
   * @return 12, the offset of the payload relative to {@code off}
   */
  public static int writeHeader(
      byte[] buf, int off, boolean marker, int payloadType, int sequence, long timestamp, long ssrc) {
    buf[off] = (byte) (VERSION << 6);
    buf[off + 1] = (byte) ((marker ? 0x80 : 0) | (payloadType & 0x7F));
    buf[off + 2] = (byte) (sequence >>> 8);
    buf[off + 3] = (byte) sequence;
    writeInt(buf, off + 4, (int) timestamp);
    writeInt(buf, off + 8, (int) ssrc);
    return HEADER_BYTES;
  }

  private static void writeInt(byte[] buf, int at, int value) {
    buf[at] = (byte) (value >>> 24);
    buf[at + 1] = (byte) (value >>> 16);
    buf[at + 2] = (byte) (value >>> 8);
    buf[at + 3] = (byte) value;
  }

  /**
   * True if the datagram is RTCP rather than RTP, by the rule of RFC 5761 §4 for RTP and RTCP on one
   * port: the second octet (RTP's M bit and payload type) is an RTCP packet type in 192..223. Lets a
   * receiver skip RTCP and obvious garbage before parsing; it does not validate the RTCP packet.
   */
  public static boolean looksLikeRtcp(byte[] buf, int off, int len) {
    if (buf == null || off < 0 || len < 2 || off > buf.length - len) return false;
    int type = buf[off + 1] & 0xFF;
    return type >= 192 && type <= 223;
  }
}
