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
   * A DTMF digit ended: {@code 0-9 * # A-D}, once per key press.
   *
   * @param inBand true when detected in the audio, false for an RFC 4733 event
   */
  default void onDtmf(char digit, int durationMillis, boolean inBand) {}
}
