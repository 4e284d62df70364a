package dev.parley.sip;

/**
 * The SIP server could not start, e.g. because its port is in use. The message names the address,
 * port and transport that failed, so that it can be shown to an operator as it is.
 */
public final class SipStartException extends Exception {
  private static final long serialVersionUID = 1L;

  public SipStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
