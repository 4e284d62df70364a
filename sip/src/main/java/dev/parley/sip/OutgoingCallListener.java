package dev.parley.sip;

/**
 * Events of a call we placed, delivered one at a time in the order the SIP messages were processed,
 * on a virtual thread (never a SIP stack thread). A call gets either {@link #onFailed} (it was never
 * answered) or {@link #onAnswered} and later {@link #onEnded}; nothing follows those two.
 */
public interface OutgoingCallListener {

  /** A provisional response without SDP: 100 Trying, 180 Ringing, 181, 182, 183. */
  default void onProgress(int status) {}

  /**
   * A provisional response with SDP (183 Session Progress, or 180 with a body): the far end plays
   * media (ringback, announcements) before answering. The SDP is its answer to our offer.
   */
  default void onEarlyMedia(String sdp) {}

  /** A 2xx arrived and was acknowledged. {@code sdp} is the answer, or {@code null} if it had none. */
  void onAnswered(String sdp);

  /**
   * The call was never answered: a 3xx-6xx (redirects are not followed), 408 when the ring timeout
   * passed or nothing answered at all, 487 after {@link OutgoingCall#cancel}, 503 when it could not
   * be sent.
   */
  void onFailed(int status, String reason);

  /** An answered call is over: BYE from the far end, our hangup, or an error. */
  void onEnded(EndReason reason);

  /**
   * An in-dialog INVITE from the far end. Return the SDP to answer with; {@code null} (the default)
   * answers with the SDP of our offer, unchanged (RFC 3264 §8: the same version means no change).
   */
  default String onReinvite(String offerSdp) {
    return null;
  }

  /** An in-dialog INFO, already answered 200. */
  default void onInfo(String contentType, String body) {}
}
