package dev.parley.media.engine;

import dev.parley.media.rtp.TelephoneEvent;

/**
 * Plays a dial string as RFC 4733 events, one room tick at a time. A small state machine:
 *
 * <pre>
 *   IDLE --digit--> TONE --duration reached--> ENDING (end packet, sent 3 times) --> GAP --> IDLE
 *   IDLE --'w' ','--> PAUSE (500 ms) --> IDLE        IDLE --'W'--> PAUSE (1 s) --> IDLE
 * </pre>
 *
 * <p>Each tick that {@link #tick} returns true carries one event packet, and the caller sends no
 * audio in that tick (§2.5.1: events replace the audio they stand for). The event's timestamp is the
 * audio timestamp when the event starts and stays fixed while the duration grows; the first packet
 * has the marker bit (§2.5.1.2); the end packet is sent three times with the same duration
 * (§2.5.1.4). Digits last {@link #TONE_MILLIS} rounded up to whole ticks, then {@link #GAP_MILLIS}
 * pass, counted from the first end packet, before the next starts.
 *
 * <p>Media thread only; {@link #tick} allocates nothing.
 */
final class TelephoneEventSender {
  static final int TONE_MILLIS = 100;
  static final int GAP_MILLIS = 50;
  static final int PAUSE_MILLIS = 500;
  static final int LONG_PAUSE_MILLIS = 1000;
  /** §2.3.4: power level in -dBm0; -10 dBm0 is what common phones send. */
  static final int VOLUME = 10;
  private static final int END_PACKETS = 3;

  private enum State { IDLE, TONE, ENDING, WAIT }

  private final int toneSamples;
  private final int gapSamples;
  private final int pauseSamples;
  private final int longPauseSamples;

  private String dial = "";
  private int next;
  private State state = State.IDLE;
  private int waitSamples;
  private int endsSent;

  private int event;
  private long timestamp;
  private int durationSamples;
  private boolean marker;
  private boolean end;

  TelephoneEventSender(int rateHz) {
    this.toneSamples = TONE_MILLIS * rateHz / 1000;
    this.gapSamples = GAP_MILLIS * rateHz / 1000;
    this.pauseSamples = PAUSE_MILLIS * rateHz / 1000;
    this.longPauseSamples = LONG_PAUSE_MILLIS * rateHz / 1000;
  }

  /** True for the characters a dial string may hold: DTMF keys (A-D in either case), w, W and ','. */
  static boolean isDialable(char c) {
    return TelephoneEvent.eventOf(c) >= 0 || c == 'w' || c == 'W' || c == ',';
  }

  /** Appends to what is still to be played. Allocates the new string: a control operation. */
  void enqueue(String digits) {
    dial = dial.substring(next) + digits;
    next = 0;
  }

  /** Drops what is still to be played; an event in flight is cut without its end packets. */
  void clear() {
    dial = "";
    next = 0;
    state = State.IDLE;
  }

  /** True while there is anything left to send or wait for. */
  boolean busy() {
    return state != State.IDLE || next < dial.length();
  }

  /**
   * Advances by one tick of {@code samples}.
   *
   * @param audioTimestamp the RTP timestamp the next audio packet would carry
   * @return true when an event packet is due this tick: its fields are then in {@link #event()},
   *     {@link #timestamp()}, {@link #durationSamples()}, {@link #marker()} and {@link #end()}
   */
  boolean tick(int samples, long audioTimestamp) {
    switch (state) {
      case TONE -> {
        return grow(samples);
      }
      case ENDING -> {
        waitSamples -= samples;
        marker = false;
        if (++endsSent == END_PACKETS) state = State.WAIT;
        return true;
      }
      case WAIT -> {
        waitSamples -= samples;
        if (waitSamples > 0) return false;
        state = State.IDLE;
      }
      case IDLE -> {
        // fall through to take the next character below
      }
    }
    while (next < dial.length()) {
      char c = dial.charAt(next++);
      int pause = c == 'W' ? longPauseSamples : c == 'w' || c == ',' ? pauseSamples : 0;
      if (pause > 0) {
        state = State.WAIT;
        waitSamples = pause; // counted down by the ticks after this one, like the gap
        return false;
      }
      int code = TelephoneEvent.eventOf(c);
      if (code < 0) continue;
      event = code;
      timestamp = audioTimestamp;
      durationSamples = 0;
      marker = true;
      state = State.TONE;
      return grow(samples);
    }
    return false;
  }

  private boolean grow(int samples) {
    if (durationSamples > 0) marker = false;
    durationSamples = Math.min(durationSamples + samples, 0xFFFF);
    end = durationSamples >= toneSamples;
    if (end) {
      state = State.ENDING;
      endsSent = 1;
      waitSamples = gapSamples;
    }
    return true;
  }

  int event() {
    return event;
  }

  long timestamp() {
    return timestamp;
  }

  int durationSamples() {
    return durationSamples;
  }

  boolean marker() {
    return marker;
  }

  boolean end() {
    return end;
  }
}
