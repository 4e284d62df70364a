package dev.parley.media.engine;

import dev.parley.media.codec.CodecType;
import dev.parley.media.codec.Codecs;

/**
 * A small dense index per codec so a room can cache "the shared mix, encoded" in an array per tick
 * instead of a map. A room has one rate and each codec one PCM rate in it, so within a room the slot
 * of a codec is also the slot of its (codec, rate) pair: one encode per codec and rate.
 */
final class CodecSlot {
  private static final String[] NAMES = {"PCMU", "PCMA", "G722", "opus"};
  static final int MAX = NAMES.length;

  private CodecSlot() {}

  static int indexOf(String encodingName) {
    for (int i = 0; i < NAMES.length; i++) {
      if (NAMES[i].equalsIgnoreCase(encodingName)) return i;
    }
    return -1;
  }

  static CodecType type(int index) {
    return Codecs.type(NAMES[index]);
  }
}
