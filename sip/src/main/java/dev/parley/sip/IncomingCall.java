package dev.parley.sip;

/**
 * One incoming call (an INVITE server transaction and its dialog), as seen by the application.
 *
 * <p>The accessors describe the initial INVITE and never change. The operations may be called from
 * any thread; they never block on the network. Operations that no longer apply (answering a call
 * that was cancelled, rejecting one already answered) are ignored and logged at DEBUG.
 */
public interface IncomingCall {

  /** The Call-ID of the dialog. */
  String callId();

  /**
   * The user part of the Request-URI with %-escapes decoded (RFC 3261 §19.1.2), e.g. {@code 3000} or
   * {@code 3000*1234}; for a {@code tel:} URI the number; {@code null} when the URI has no user part.
   */
  String requestUser();

  /** The From URI, e.g. {@code sip:alice@example.com}. */
  String fromUri();

  /** The user part of the From URI, or {@code null}. */
  String fromUser();

  /** The From display name without quotes, or {@code null}. */
  String fromDisplayName();

  /** The To URI. */
  String toUri();

  /** Source address of the INVITE (the packet's, not the Via's: behind NAT they differ). */
  String remoteHost();

  /** Source port of the INVITE. */
  int remotePort();

  /** {@code "udp"} or {@code "tcp"}: the transport the INVITE arrived on. */
  String transport();

  /** The SDP offer of the INVITE, or {@code null} for a delayed offer (INVITE without body). */
  String offerSdp();

  /**
   * The digest username the INVITE authenticated as (its Proxy-Authorization answered our 407,
   * RFC 3261 §22.3), or {@code null} when the {@link InviteAuthPolicy} trusted it without a
   * challenge.
   */
  default String authenticatedUser() {
    return null;
  }

  /** The first value of the named header of the INVITE (case-insensitive name), or {@code null}. */
  String header(String name);

  /**
   * Sets the receiver of this call's events. Set it before {@link #answer}; events that happen before
   * it is set (e.g. a CANCEL) are kept and delivered once it is set. Setting it again replaces it.
   */
  void setListener(CallListener listener);

  /**
   * Sends 180 Ringing. 100 Trying was already sent when the INVITE arrived. A call left ringing for
   * three minutes is given up with 480 and ends with {@link EndReason#ERROR} (the stack's early-dialog
   * timer).
   */
  void ringing();

  /**
   * Refuses the call with a final non-2xx response (404, 486, 488, 480...). Only the first final
   * response counts; ignored after a CANCEL. The listener, if any, gets {@link
   * EndReason#LOCAL_HANGUP}.
   *
   * @param status 300-699
   * @param reason the reason phrase, or {@code null} for the standard one
   */
  void reject(int status, String reason);

  /**
   * Sends 200 OK with this SDP (our answer, or our offer when the INVITE had none) and a Contact for
   * the transport the call arrived on. The 200 is retransmitted until the ACK arrives (RFC 3261
   * §13.3.1.4); without an ACK within 32 s the call is ended with BYE and {@link
   * EndReason#ACK_TIMEOUT}.
   */
  void answer(String sdp);

  /**
   * Ends the call: BYE once it is confirmed (if our 200 is still waiting for its ACK, the BYE goes
   * out when the ACK arrives or the wait times out, RFC 3261 §15); before any final response, 480
   * Temporarily Unavailable. The listener gets {@link EndReason#LOCAL_HANGUP} at once. Idempotent.
   */
  void hangup();

  /** Whether the call is over (ended by either side, rejected or cancelled). */
  boolean isTerminated();
}
