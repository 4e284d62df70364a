package dev.parley.media.engine;

import dev.parley.media.codec.CodecType;
import dev.parley.media.codec.Codecs;

/**
 * A small dense index per codec so a room can cache "the shared mix, encoded" in an array per tick
 * instead of a map. A room has one rate and each codec one PCM rate in it, so within a room the slot
 * of a codec is also the slot of its (codec, rate) pair: one encode per codec and rate. L16 has a slot
 * per rate, since its rate is its RTP clock.
 */
final class CodecSlot {
  private static final String[] NAMES = {"PCMU", "PCMA", "G722", "opus", "L16", "L16", "L16"};
  private static final int[] CLOCKS = {8000, 8000, 8000, 48000, 8000, 16000, 48000};
  static final int MAX = NAMES.length;

  private CodecSlot() {}

  /** @param clockRateHz the rtpmap clock, or 0 for the codec's usual one (not for L16 other than 8000) */
  static int indexOf(String encodingName, int clockRateHz) {
    for (int i = 0; i < NAMES.length; i++) {
      if (NAMES[i].equalsIgnoreCase(encodingName) && (clockRateHz == 0 || CLOCKS[i] == clockRateHz)) return i;
    }
    return -1;
  }

  static CodecType type(int index) {
    return Codecs.type(NAMES[index], CLOCKS[index]);
  }
}
