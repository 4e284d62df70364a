package dev.parley.server.conference;

/**
 * Observes the conference. Called on the conference's one event thread, in the order events
 * happened; an implementation that blocks delays only other observers, never calls or media.
 */
public interface ConferenceListener {
  /**
   * @param sequence 1, 2, 3... for this server run, without gaps, in order
   */
  void onEvent(long sequence, ConferenceEvent event);
}
