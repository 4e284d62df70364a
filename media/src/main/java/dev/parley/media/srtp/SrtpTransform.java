package dev.parley.media.srtp;

/**
 * Protects and unprotects the SRTP and SRTCP packets of one direction of one stream (one master key,
 * RFC 3711 §3.1, §3.4). With SDES each side sends under its own key, so a call has two: ours for
 * {@code protect*}, the peer's for {@code unprotect*}.
 *
 * <p>Every method works in place on the caller's array and returns the new length; nothing is
 * allocated per packet (the cipher, the digest and all buffers are made here). A packet that fails
 * authentication or replay checks returns {@link #REJECTED} and leaves no trace in the state (the
 * rollover counter and replay lists move only for authentic packets). Up to {@link #MAX_SSRCS} SSRCs
 * are tracked per direction (a peer may send events or restart on a new one); beyond that the least
 * recently used is forgotten. Not thread-safe: it belongs to the media thread of its member.
 */
public final class SrtpTransform {
  /** Returned for a packet that is malformed, not authentic or a replay. */
  public static final int REJECTED = -1;

  static final int MAX_SSRCS = 4;
  private static final int RTP_HEADER = 12;
  private static final int RTCP_HEADER = 8;
  private static final int SRTCP_INDEX_BYTES = 4;
  private static final int E_FLAG = 0x80000000;

  private final SrtpSuite suite;
  private final int rtpTag;
  private final Direction rtp;
  private final Direction rtcp;
  private final StreamState[] streams = new StreamState[MAX_SSRCS];
  private final byte[] iv = new byte[16];
  private final byte[] tag = new byte[HmacSha1.TAG_BYTES];
  private final byte[] scratch = new byte[4];
  private long clock;
  /** The next SRTCP index we send (31 bits, RFC 3711 §3.4). */
  private int srtcpIndex;

  public SrtpTransform(SrtpKeys keys) {
    this.suite = keys.suite();
    this.rtpTag = suite.rtpTagBytes();
    this.rtp = new Direction(SessionKeys.srtp(keys));
    this.rtcp = new Direction(SessionKeys.srtcp(keys));
    for (int i = 0; i < MAX_SSRCS; i++) streams[i] = new StreamState();
  }

  /** Sets the next SRTCP index to send (tests replaying libsrtp's vector, which starts at 1). */
  void nextSrtcpIndex(int index) {
    srtcpIndex = index & 0x7fffffff;
  }

  public SrtpSuite suite() {
    return suite;
  }

  /** Bytes {@link #protectRtp} adds. */
  public int rtpOverhead() {
    return rtpTag;
  }

  /** Bytes {@link #protectRtcp} adds: the E flag and index, and the 80-bit tag. */
  public static int rtcpOverhead() {
    return SRTCP_INDEX_BYTES + SrtpSuite.SRTCP_TAG_BYTES;
  }

  /**
   * Encrypts the payload of the RTP packet at {@code buf[off..off+len)} and appends the tag; the array
   * must have {@link #rtpOverhead()} bytes free after it.
   *
   * @return the SRTP length, or {@link #REJECTED} if it is no RTP packet
   */
  public int protectRtp(byte[] buf, int off, int len) {
    int header = rtpHeaderLength(buf, off, len);
    if (header < 0 || off + len + rtpTag > buf.length) return REJECTED;
    long ssrc = readInt(buf, off + 8);
    int seq = (buf[off + 2] & 0xff) << 8 | (buf[off + 3] & 0xff);
    StreamState s = stream(ssrc, seq, true);
    long roc = s.guessRoc(seq);
    s.commit(roc, seq);
    rtpIv(rtp.salt, ssrc, (int) roc, seq);
    rtp.cipher.apply(iv, buf, off + header, len - header);
    rtp.mac.start();
    rtp.mac.update(buf, off, len);
    rtp.mac.updateInt((int) roc, scratch);
    rtp.mac.finish(tag, 0);
    System.arraycopy(tag, 0, buf, off + len, rtpTag);
    return len + rtpTag;
  }

  /**
   * Verifies and decrypts the SRTP packet at {@code buf[off..off+len)} in place.
   *
   * @return the RTP length (the tag removed), or {@link #REJECTED}
   */
  public int unprotectRtp(byte[] buf, int off, int len) {
    int body = len - rtpTag;
    int header = rtpHeaderLength(buf, off, body);
    if (header < 0) return REJECTED;
    long ssrc = readInt(buf, off + 8);
    int seq = (buf[off + 2] & 0xff) << 8 | (buf[off + 3] & 0xff);
    StreamState s = stream(ssrc, seq, false);
    long roc = s == null ? 0 : s.guessRoc(seq);
    if (roc < 0 || roc > 0xffffffffL) return REJECTED;
    long index = roc << 16 | seq;
    if (s != null && !s.rtpWindow.check(index)) return REJECTED;
    rtp.mac.start();
    rtp.mac.update(buf, off, body);
    rtp.mac.updateInt((int) roc, scratch);
    rtp.mac.finish(tag, 0);
    if (!tagMatches(buf, off + body, rtpTag)) return REJECTED;
    if (s == null) s = stream(ssrc, seq, true);
    rtpIv(rtp.salt, ssrc, (int) roc, seq);
    rtp.cipher.apply(iv, buf, off + header, body - header);
    s.commit(roc, seq);
    s.rtpWindow.accept(index);
    return body;
  }

  /**
   * Encrypts the RTCP compound packet at {@code buf[off..off+len)} (all but its first 8 bytes) and
   * appends the E flag with the SRTCP index and the tag; {@link #rtcpOverhead()} bytes must be free.
   *
   * @return the SRTCP length, or {@link #REJECTED} if it is too short to be RTCP
   */
  public int protectRtcp(byte[] buf, int off, int len) {
    if (len < RTCP_HEADER || off + len + rtcpOverhead() > buf.length) return REJECTED;
    long ssrc = readInt(buf, off + 4);
    int index = srtcpIndex;
    srtcpIndex = (srtcpIndex + 1) & 0x7fffffff;
    rtcpIv(ssrc, index);
    rtcp.cipher.apply(iv, buf, off + RTCP_HEADER, len - RTCP_HEADER);
    writeInt(buf, off + len, E_FLAG | index);
    int authenticated = len + SRTCP_INDEX_BYTES;
    rtcp.mac.start();
    rtcp.mac.update(buf, off, authenticated);
    rtcp.mac.finish(tag, 0);
    System.arraycopy(tag, 0, buf, off + authenticated, SrtpSuite.SRTCP_TAG_BYTES);
    return authenticated + SrtpSuite.SRTCP_TAG_BYTES;
  }

  /**
   * Verifies and (when the E flag says so) decrypts the SRTCP packet at {@code buf[off..off+len)}.
   *
   * @return the RTCP length (index and tag removed), or {@link #REJECTED}
   */
  public int unprotectRtcp(byte[] buf, int off, int len) {
    int authenticated = len - SrtpSuite.SRTCP_TAG_BYTES;
    int rtcpLen = authenticated - SRTCP_INDEX_BYTES;
    if (rtcpLen < RTCP_HEADER) return REJECTED;
    long ssrc = readInt(buf, off + 4);
    int word = (int) readInt(buf, off + rtcpLen);
    boolean encrypted = (word & E_FLAG) != 0;
    int index = word & 0x7fffffff;
    StreamState s = find(ssrc);
    if (s != null && !s.rtcpWindow.check(index)) return REJECTED;
    rtcp.mac.start();
    rtcp.mac.update(buf, off, authenticated);
    rtcp.mac.finish(tag, 0);
    if (!tagMatches(buf, off + authenticated, SrtpSuite.SRTCP_TAG_BYTES)) return REJECTED;
    if (encrypted) {
      rtcpIv(ssrc, index);
      rtcp.cipher.apply(iv, buf, off + RTCP_HEADER, rtcpLen - RTCP_HEADER);
    }
    if (s == null) s = claim(ssrc, 0);
    s.rtcpWindow.accept(index);
    return rtcpLen;
  }

  // ------------------------------------------------------------------ helpers

  /** The cipher, MAC and salt of SRTP or of SRTCP. */
  private static final class Direction {
    final AesCounterMode cipher;
    final HmacSha1 mac;
    final byte[] salt;

    Direction(SessionKeys k) {
      cipher = new AesCounterMode(k.cipherKey());
      mac = new HmacSha1(k.authKey());
      salt = k.salt();
    }
  }

  /** IV = (k_s * 2^16) XOR (SSRC * 2^64) XOR (i * 2^16), i = ROC || SEQ (RFC 3711 §4.1.1). */
  private void rtpIv(byte[] salt, long ssrc, int roc, int seq) {
    baseIv(salt, ssrc);
    iv[8] ^= (byte) (roc >>> 24);
    iv[9] ^= (byte) (roc >>> 16);
    iv[10] ^= (byte) (roc >>> 8);
    iv[11] ^= (byte) roc;
    iv[12] ^= (byte) (seq >>> 8);
    iv[13] ^= (byte) seq;
  }

  /** The same with the 31-bit SRTCP index in place of i (RFC 3711 §4.1.1, §3.4). */
  private void rtcpIv(long ssrc, int index) {
    baseIv(rtcp.salt, ssrc);
    iv[10] ^= (byte) (index >>> 24);
    iv[11] ^= (byte) (index >>> 16);
    iv[12] ^= (byte) (index >>> 8);
    iv[13] ^= (byte) index;
  }

  private void baseIv(byte[] salt, long ssrc) {
    System.arraycopy(salt, 0, iv, 0, SrtpSuite.MASTER_SALT_BYTES);
    iv[14] = 0;
    iv[15] = 0;
    iv[4] ^= (byte) (ssrc >>> 24);
    iv[5] ^= (byte) (ssrc >>> 16);
    iv[6] ^= (byte) (ssrc >>> 8);
    iv[7] ^= (byte) ssrc;
  }

  /** Compares without an early exit, so timing says nothing about how much of a forged tag was right. */
  private boolean tagMatches(byte[] buf, int at, int n) {
    int diff = 0;
    for (int i = 0; i < n; i++) diff |= buf[at + i] ^ tag[i];
    return diff == 0;
  }

  private StreamState stream(long ssrc, int seq, boolean create) {
    StreamState s = find(ssrc);
    if (s == null && create) s = claim(ssrc, seq);
    return s;
  }

  private StreamState find(long ssrc) {
    for (StreamState s : streams) {
      if (s.used && s.ssrc == ssrc) {
        s.lastUse = ++clock;
        return s;
      }
    }
    return null;
  }

  private StreamState claim(long ssrc, int firstSeq) {
    StreamState victim = streams[0];
    for (StreamState s : streams) {
      if (!s.used) {
        victim = s;
        break;
      }
      if (s.lastUse < victim.lastUse) victim = s;
    }
    victim.reset(ssrc, firstSeq);
    victim.lastUse = ++clock;
    return victim;
  }

  /** The RTP header length with CSRCs and extension (RFC 3550 §5.1, §5.3.1), or -1. */
  private static int rtpHeaderLength(byte[] buf, int off, int len) {
    if (len < RTP_HEADER || (buf[off] & 0xc0) != 0x80) return -1;
    int h = RTP_HEADER + 4 * (buf[off] & 0x0f);
    if ((buf[off] & 0x10) != 0) {
      if (len < h + 4) return -1;
      h += 4 + 4 * ((buf[off + h + 2] & 0xff) << 8 | (buf[off + h + 3] & 0xff));
    }
    return h <= len ? h : -1;
  }

  private static long readInt(byte[] b, int at) {
    return (b[at] & 0xffL) << 24 | (b[at + 1] & 0xffL) << 16 | (b[at + 2] & 0xffL) << 8 | (b[at + 3] & 0xffL);
  }

  private static void writeInt(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }
}
