package dev.parley.sip.sdp;

/**
 * Offer and answer share no usable audio stream (no audio RTP stream, or no codec in common). A
 * server answers such an INVITE with 488 Not Acceptable Here (RFC 3261 §13.3.1.3).
 */
public final class NoCommonCodecException extends Exception {
  private static final long serialVersionUID = 1L;

  public NoCommonCodecException(String message) {
    super(message);
  }
}
