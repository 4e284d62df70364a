package dev.parley.sip;

/** A running {@link OutboundRegistration}; see {@link SipServer#register}. */
public interface OutboundRegistrationHandle extends AutoCloseable {

  /** The last state reported to the listener. */
  OutboundRegistrationListener.State state();

  /**
   * Stops refreshing and un-registers (REGISTER with Expires 0, RFC 3261 §10.2.2) if registered;
   * the listener gets {@link OutboundRegistrationListener.State#CLOSED}. Idempotent.
   */
  @Override
  void close();
}
