package dev.parley.sip.sdp;

/** An SDP that cannot be parsed; the message names the line number and the problem. */
public final class SdpException extends Exception {
  private static final long serialVersionUID = 1L;
  private final int lineNumber;

  public SdpException(int lineNumber, String problem) {
    super("SDP line " + lineNumber + ": " + problem);
    this.lineNumber = lineNumber;
  }

  /** The 1-based line the problem was found on. */
  public int lineNumber() {
    return lineNumber;
  }
}
