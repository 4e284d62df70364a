package dev.parley.media.srtp;

/**
 * What SRTP remembers about one SSRC (RFC 3711 §3.2.1): the rollover counter, the highest sequence
 * number seen ({@code s_l}) and the replay lists of SRTP and SRTCP.
 */
final class StreamState {
  boolean used;
  long ssrc;
  long lastUse;
  int roc;
  int highestSeq;
  final ReplayWindow rtpWindow = new ReplayWindow();
  final ReplayWindow rtcpWindow = new ReplayWindow();

  void reset(long newSsrc, int firstSeq) {
    used = true;
    ssrc = newSsrc;
    roc = 0;
    highestSeq = firstSeq;
    rtpWindow.reset();
    rtcpWindow.reset();
  }

  /**
   * The ROC that goes with {@code seq}: RFC 3711 Appendix A, comparing with {@code s_l}. A packet
   * from before a wrap gets ROC - 1, one after it ROC + 1.
   */
  long guessRoc(int seq) {
    if (!used) return 0;
    long v = roc & 0xffffffffL;
    if (highestSeq < 32768) {
      if (seq - highestSeq > 32768) return v - 1;
    } else if (highestSeq - 32768 > seq) {
      return v + 1;
    }
    return v;
  }

  /** After the packet authenticated (§3.3.1): ROC and {@code s_l} follow the newest index. */
  void commit(long guessedRoc, int seq) {
    long current = roc & 0xffffffffL;
    if (guessedRoc > current) {
      roc = (int) guessedRoc;
      highestSeq = seq;
    } else if (guessedRoc == current && seq > highestSeq) {
      highestSeq = seq;
    }
  }
}
