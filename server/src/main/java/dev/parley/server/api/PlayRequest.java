package dev.parley.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.media.audio.Prompt;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * What a play request asks for: {@code {"sound": "builtin:enter"}} or
 * {@code {"tone": {"frequencyHz": 440, "durationMillis": 1000, "levelDbfs": -16}}}.
 *
 * <p>Only built-in sounds and tones: a path given over the API would let any token holder read
 * files of the server's machine into a call.
 */
final class PlayRequest {
  static final int MAX_TONE_MILLIS = 60_000;
  private static final Pattern BUILTIN = Pattern.compile("builtin:[a-z][a-z0-9-]{0,31}");

  private final SoundLoader loader;

  PlayRequest(SoundLoader loader) {
    this.loader = loader;
  }

  /** @return the prompt at {@code rateHz}, and its tag for playback events in {@code tag[0]} */
  Prompt fromRequest(ObjectNode body, int rateHz, String[] tag) {
    String sound = Bodies.text(body, "sound");
    JsonNode tone = body.get("tone");
    if ((sound == null) == (tone == null || tone.isNull())) {
      throw ApiException.badRequest("give either sound (builtin:NAME) or tone ({frequencyHz, durationMillis, levelDbfs})");
    }
    if (sound != null) {
      if (!BUILTIN.matcher(sound).matches()) {
        throw ApiException.badRequest("sound must be builtin:NAME (files cannot be played over the API), got '" + sound + "'");
      }
      try {
        tag[0] = sound;
        return loader.load(sound, rateHz);
      } catch (IOException e) {
        throw new ApiException(404, "sound_not_found", "no built-in sound '" + sound + "'");
      }
    }
    if (!(tone instanceof ObjectNode t)) throw ApiException.badRequest("tone must be an object");
    double hz = Bodies.number(t, "frequencyHz", 20, rateHz / 2.0 - 1, Double.NaN);
    if (Double.isNaN(hz)) throw ApiException.badRequest("tone.frequencyHz is required");
    int millis = (int) Bodies.number(t, "durationMillis", 20, MAX_TONE_MILLIS, 1000);
    double dbfs = Bodies.number(t, "levelDbfs", -60, 0, -16);
    tag[0] = "tone:" + Math.round(hz);
    return tone(hz, millis, dbfs, rateHz);
  }

  static Prompt tone(double hz, int millis, double dbfs, int rateHz) {
    int n = (int) ((long) rateHz * millis / 1000);
    short[] samples = new short[n];
    double amplitude = 32767 * Math.pow(10, dbfs / 20);
    // 5 ms ramps at both ends, so the tone starts and stops without a click.
    int ramp = Math.min(n / 2, rateHz / 200);
    for (int i = 0; i < n; i++) {
      double envelope = Math.min(1.0, Math.min(i, n - 1 - i) / (double) Math.max(1, ramp));
      samples[i] = (short) Math.round(amplitude * envelope * Math.sin(2 * Math.PI * hz * i / rateHz));
    }
    return new Prompt("tone " + Math.round(hz) + " Hz", rateHz, samples);
  }
}
