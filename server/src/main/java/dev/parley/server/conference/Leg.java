package dev.parley.server.conference;

/**
 * The call side of a member, implemented by the call layer. The conference uses it to end calls
 * (lonely timeout, room ended) without knowing SIP.
 */
public interface Leg {
  /** A short id for logs (the SIP Call-ID). */
  String id();

  /** Caller identity for display: the From URI. */
  String caller();

  /** What billing records and events say about the call; legs that know more override it. */
  default CallDetails details() {
    return CallDetails.dialIn(caller());
  }

  /** Ends the call (BYE). Must not block and must be idempotent. */
  void hangup(LeaveReason reason);
}
