package dev.parley.media.record;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * Writes Ogg pages (RFC 3533) of one logical stream to a file: packets are laced into a page and the
 * page goes to disk when {@link #flush} is called or it is full. One thread only.
 *
 * <p>Page layout (RFC 3533 §6): {@code "OggS"}, version 0, header type (1 continued, 2 first page, 4
 * last page), granule position (64-bit LE), serial number, page sequence number, CRC-32, the segment
 * count and table, then the data. A packet of length L takes {@code L / 255} segments of 255 and one of
 * {@code L % 255} (a 0 when L is a multiple of 255), so a short segment ends every packet.
 */
final class OggPageWriter {
  /** RFC 3533 §6: at most 255 segments in a page. */
  private static final int MAX_SEGMENTS = 255;
  private static final int[] CRC_TABLE = crcTable();

  private final FileChannel channel;
  private final int serial;
  private final byte[] segments = new byte[MAX_SEGMENTS];
  private final ByteBuffer body = ByteBuffer.allocate(MAX_SEGMENTS * 255);
  private final ByteBuffer page = ByteBuffer.allocate(27 + MAX_SEGMENTS + MAX_SEGMENTS * 255).order(ByteOrder.LITTLE_ENDIAN);
  private int segmentCount;
  private int packetsInPage;
  private int sequence;
  private long granule;
  private boolean first = true;
  private long bytesWritten;

  OggPageWriter(FileChannel channel, int serial) {
    this.channel = channel;
    this.serial = serial;
  }

  /** Segments a packet of {@code length} bytes takes. */
  static int segmentsFor(int length) {
    return length / 255 + 1;
  }

  /**
   * Adds a whole packet to the page (flushing the page first when it would not fit).
   *
   * @param granuleAfter the granule position once this packet is decoded (RFC 7845 §4: 48 kHz samples)
   */
  void packet(byte[] data, int length, long granuleAfter) throws IOException {
    if (segmentCount + segmentsFor(length) > MAX_SEGMENTS) flush(false);
    int left = length;
    while (left >= 255) {
      segments[segmentCount++] = (byte) 255;
      left -= 255;
    }
    segments[segmentCount++] = (byte) left;
    body.put(data, 0, length);
    packetsInPage++;
    granule = granuleAfter;
  }

  /** Adds a packet that must sit alone on its page (the Opus headers, RFC 7845 §5), and writes it. */
  void headerPacket(byte[] data, long granuleAfter) throws IOException {
    flush(false);
    packet(data, data.length, granuleAfter);
    flush(false);
  }

  /**
   * Writes the page being filled, if it holds a packet or {@code last} is set (then it is the stream's
   * last page, RFC 3533 §6 header type 4, written even when empty).
   */
  void flush(boolean last) throws IOException {
    if (packetsInPage == 0 && !last) return;
    page.clear();
    page.put((byte) 'O').put((byte) 'g').put((byte) 'g').put((byte) 'S').put((byte) 0);
    page.put((byte) ((first ? 2 : 0) | (last ? 4 : 0)));
    page.putLong(granule).putInt(serial).putInt(sequence++).putInt(0);
    page.put((byte) segmentCount).put(segments, 0, segmentCount);
    body.flip();
    page.put(body);
    body.clear();
    page.putInt(22, crc(page.array(), page.position()));
    page.flip();
    while (page.hasRemaining()) bytesWritten += channel.write(page);
    first = false;
    segmentCount = 0;
    packetsInPage = 0;
  }

  long bytesWritten() {
    return bytesWritten;
  }

  /** RFC 3533 §6: CRC-32 with generator 0x04c11db7, initial value 0, no reflection, no final xor. */
  static int crc(byte[] data, int length) {
    int crc = 0;
    for (int i = 0; i < length; i++) crc = (crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ data[i]) & 0xff];
    return crc;
  }

  private static int[] crcTable() {
    int[] t = new int[256];
    for (int i = 0; i < 256; i++) {
      int r = i << 24;
      for (int b = 0; b < 8; b++) r = (r & 0x80000000) != 0 ? (r << 1) ^ 0x04c11db7 : r << 1;
      t[i] = r;
    }
    return t;
  }
}
