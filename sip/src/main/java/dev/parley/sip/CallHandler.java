package dev.parley.sip;

/** Receives new calls. */
@FunctionalInterface
public interface CallHandler {

  /**
   * A new dialog-creating INVITE arrived (100 Trying has been sent already). Called once per call on
   * its own virtual thread, never on a SIP stack thread, so it may block; the call's {@link
   * CallListener} events run on another virtual thread, in order, once a listener is set.
   *
   * <p>The handler must eventually {@link IncomingCall#answer answer}, {@link IncomingCall#reject
   * reject} or {@link IncomingCall#hangup hang up}; an exception thrown from here is answered with
   * 500 if nothing was sent yet.
   */
  void onInvite(IncomingCall call);
}
