package dev.parley.sip;

/**
 * Events of one call. They are delivered one at a time, in the order the SIP messages were
 * processed, on a virtual thread (never a SIP stack thread). Events that happen before the listener
 * is set are kept and delivered once it is set.
 */
public interface CallListener {

  /**
   * The ACK for our 2xx arrived: the call is confirmed. Delivered for the ACK of the initial INVITE,
   * and again for the ACK of a re-INVITE only when our 200 carried an offer (the re-INVITE had no
   * SDP), because then the ACK carries the answer.
   *
   * @param sdp the SDP answer in the ACK (delayed offer, RFC 3261 §13.2.1), or {@code null}
   */
  void onAck(String sdp);

  /**
   * An in-dialog INVITE (hold, resume, new media). The SDP returned is sent in 200 OK; {@code null}
   * refuses it with 488 and the previous session stays (RFC 3261 §14.2). An exception is answered with
   * 500.
   *
   * @param offerSdp the new offer, or {@code null} when the re-INVITE has no body: then return a fresh
   *     offer; the answer arrives in {@link #onAck}
   */
  String onReinvite(String offerSdp);

  /** An in-dialog INFO (e.g. {@code application/dtmf-relay}); already answered 200 (RFC 6086). */
  void onInfo(String contentType, String body);

  /** The call is over. Delivered exactly once per call; nothing follows it. */
  void onEnded(EndReason reason);
}
