package dev.parley.server.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * After a crash, finds how much of an Opus-in-Ogg recording is whole: walks the page headers
 * (RFC 3533 §6), cuts off a page the dead process was half-way through writing, and reads the playable
 * length from the last whole page's granule position less OpusHead's pre-skip (RFC 7845 §4). Ogg
 * needs no header fixed: the file plays up to its last whole page as it is.
 */
final class OggRecordingTail {
  /** What is left: the file's size after the cut, and the audio it holds. */
  record Whole(long sizeBytes, long durationMillis) {}

  private OggRecordingTail() {}

  static Whole repair(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long size = ch.size();
      ByteBuffer header = ByteBuffer.allocate(27 + 255).order(ByteOrder.LITTLE_ENDIAN);
      long at = 0;
      long granule = 0;
      int preSkip = 0;
      while (at + 27 <= size) {
        header.clear();
        ch.read(header, at);
        if (header.getInt(0) != 0x5367674f) break;
        int segments = header.get(26) & 0xff;
        if (at + 27 + segments > size) break;
        int body = 0;
        for (int i = 0; i < segments; i++) body += header.get(27 + i) & 0xff;
        long end = at + 27 + segments + body;
        if (end > size) break;
        if (at == 0) preSkip = preSkip(ch, 27 + segments);
        granule = header.getLong(6);
        at = end;
      }
      if (at < size) ch.truncate(at);
      return new Whole(at, Math.max(0, granule - preSkip) / 48);
    }
  }

  /** OpusHead (RFC 7845 §5.1): "OpusHead", version, channels, then the pre-skip as 16 bits LE. */
  private static int preSkip(FileChannel ch, long bodyAt) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    ch.read(b, bodyAt);
    return b.position() == 12 ? b.getShort(10) & 0xffff : 0;
  }
}
