package dev.parley.sip;

import java.time.Duration;

/**
 * State changes of an {@link OutboundRegistration}, one at a time, in order, on a virtual thread.
 */
@FunctionalInterface
public interface OutboundRegistrationListener {

  enum State {
    /** A REGISTER is on its way (the first, or a retry). */
    REGISTERING,
    /** The registrar answered 2xx; refreshed before it lapses. */
    REGISTERED,
    /** The last attempt failed (4xx-6xx, timeout); the next one is scheduled with backoff. */
    FAILED,
    /** Closed: un-registered (Expires 0) or given up. Nothing follows. */
    CLOSED
  }

  /**
   * @param status the SIP status of the last response (408 for a timeout, 0 when there was none yet)
   * @param granted the expiry the registrar granted, for {@link State#REGISTERED}; else {@code null}
   */
  void onState(State state, int status, String reason, Duration granted);
}
