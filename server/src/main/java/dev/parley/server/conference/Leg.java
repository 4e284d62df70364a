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

  /** Ends the call (BYE). Must not block and must be idempotent. */
  void hangup(LeaveReason reason);
}
