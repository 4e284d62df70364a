package dev.parley.sip.tls;

/** A certificate or key could not be read or made; the message names the file and the problem. */
public final class TlsSetupException extends Exception {
  private static final long serialVersionUID = 1L;

  public TlsSetupException(String message, Throwable cause) {
    super(message, cause);
  }

  public TlsSetupException(String message) {
    super(message);
  }
}
