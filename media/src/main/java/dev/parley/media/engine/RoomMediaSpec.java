package dev.parley.media.engine;

/**
 * How a room mixes.
 *
 * @param name for logs only
 * @param rateHz the mixing rate: 8000, 16000 or 48000; members whose codec runs at another rate are
 *     resampled at the edge
 * @param intervalMillis the tick: 10, 20 or 30 ms
 * @param energyLevel frames whose mean absolute amplitude is below this are not mixed (0 = all)
 * @param comfortNoiseLevel peak amplitude of the noise listeners hear when nobody talks (0 = silence)
 * @param comfortNoiseSend members that negotiated RFC 3389 CN are sent SID packets instead of audio while
 *     what they hear is silence-level
 */
public record RoomMediaSpec(
    String name, int rateHz, int intervalMillis, int energyLevel, int comfortNoiseLevel, boolean comfortNoiseSend) {

  /** Without sending CN. */
  public RoomMediaSpec(String name, int rateHz, int intervalMillis, int energyLevel, int comfortNoiseLevel) {
    this(name, rateHz, intervalMillis, energyLevel, comfortNoiseLevel, false);
  }

  public RoomMediaSpec {
    if (rateHz != 8000 && rateHz != 16000 && rateHz != 48000) {
      throw new IllegalArgumentException("rooms mix at 8000, 16000 or 48000 Hz, not " + rateHz);
    }
    if (intervalMillis != 10 && intervalMillis != 20 && intervalMillis != 30) {
      throw new IllegalArgumentException("interval must be 10, 20 or 30 ms: " + intervalMillis);
    }
  }

  public int frameSamples() {
    return rateHz * intervalMillis / 1000;
  }
}
