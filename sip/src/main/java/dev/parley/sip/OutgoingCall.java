package dev.parley.sip;

/**
 * A call we placed ({@link SipServer#dial}). The operations may be called from any thread and never
 * block on the network; operations that no longer apply are ignored and logged at DEBUG.
 */
public interface OutgoingCall {

  /** The Call-ID of the INVITE (and of its dialog). */
  String callId();

  /**
   * Gives up before the answer: CANCEL (RFC 3261 §9.1; sent once a provisional response has arrived,
   * as §9.1 requires), then the listener gets {@link OutgoingCallListener#onFailed} with 487. If a
   * 200 crosses the CANCEL, it is acknowledged and the call ended with BYE; the listener then gets
   * {@link OutgoingCallListener#onFailed} with 487 too, never {@code onAnswered}. Ignored after the
   * answer: use {@link #hangup}.
   */
  void cancel();

  /**
   * Ends the call: BYE once answered, {@link #cancel} before. The listener gets {@link
   * OutgoingCallListener#onEnded} with {@link EndReason#LOCAL_HANGUP} when answered. Idempotent.
   */
  void hangup();

  /**
   * Sends an in-dialog INFO (RFC 6086), e.g. {@code application/dtmf-relay}; ignored unless answered.
   */
  void sendInfo(String contentType, String body);

  /** Whether the call is over (failed, cancelled, or ended by either side). */
  boolean isTerminated();
}
