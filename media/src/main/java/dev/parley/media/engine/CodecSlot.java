package dev.parley.media.engine;

import dev.parley.media.codec.AudioCodec;
import dev.parley.media.codec.Codecs;

/**
 * A small dense index per codec so a room can cache "the shared mix, encoded" in an array per tick
 * instead of a map.
 */
final class CodecSlot {
  static final int MAX = 4;
  private static final String[] NAMES = {"PCMU", "PCMA"};

  private CodecSlot() {}

  static int indexOf(String encodingName) {
    for (int i = 0; i < NAMES.length; i++) {
      if (NAMES[i].equalsIgnoreCase(encodingName)) return i;
    }
    return -1;
  }

  static AudioCodec codec(int index) {
    return Codecs.byName(NAMES[index]);
  }
}
