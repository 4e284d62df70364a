package dev.parley.sip;

/** Why a call ended; see {@link CallListener#onEnded}. */
public enum EndReason {
  /** The peer sent BYE (answered 200). */
  REMOTE_BYE,
  /** The peer sent CANCEL before we answered (INVITE answered 487, CANCEL 200). */
  CANCELLED,
  /** We ended it: {@link IncomingCall#hangup()} or {@link IncomingCall#reject}. */
  LOCAL_HANGUP,
  /** Our 200 OK was never acknowledged within 64*T1 = 32 s (RFC 3261 §13.3.1.4); BYE was sent. */
  ACK_TIMEOUT,
  /** A transport or stack error ended the call, or the server was closed under it. */
  ERROR
}
