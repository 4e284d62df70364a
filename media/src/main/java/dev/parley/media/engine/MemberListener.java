package dev.parley.media.engine;

/**
 * Media events of one member. Called on the member's media thread: implementations must return at
 * once (hand work to another thread) and must not call back into blocking code.
 */
public interface MemberListener {
  /** No RTP arrived for the configured timeout while the member was expected to send. Fired once. */
  void onRtpTimeout();

  /** A non-looping prompt sequence started with {@code tag} played to its end. */
  default void onPlaybackDone(String tag) {}

  /** The member's energy gate opened (true) or closed (false). */
  default void onTalking(boolean talking) {}

  /**
   * The member pressed a key and let go: called once per key press, when it ends.
   *
   * @param digit one of {@code 0-9 * # A B C D}
   * @param durationMillis how long the key was held: from the RFC 4733 duration field at the room's
   *     clock rate, or from the tone's length when detected in the audio
   * @param inBand true when the tone was detected in the audio (no telephone-event was negotiated),
   *     false for an RFC 4733 event
   */
  default void onDtmf(char digit, int durationMillis, boolean inBand) {}
}
