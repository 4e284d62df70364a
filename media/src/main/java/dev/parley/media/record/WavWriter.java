package dev.parley.media.record;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a 16-bit mono PCM RIFF/WAVE file whose header is kept current: {@link #updateHeader} rewrites
 * the RIFF and data sizes in place, so a process killed between updates leaves a file that plays up to
 * the last update (and players that trust the file length, everything). One thread only.
 */
final class WavWriter implements RecordingSink {
  static final int HEADER_BYTES = 44;

  private final FileChannel channel;
  private final ByteBuffer out;
  private final ByteBuffer sizes = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
  private long dataBytes;

  /** Creates the file (and its directories), replacing one that exists, with an empty data chunk. */
  WavWriter(Path file, int rateHz, int bufferSamples) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING);
    out = ByteBuffer.allocate(Math.max(HEADER_BYTES, bufferSamples * 2)).order(ByteOrder.LITTLE_ENDIAN);
    out.putInt(0x46464952).putInt(36).putInt(0x45564157); // "RIFF", size, "WAVE"
    out.putInt(0x20746d66).putInt(16).putShort((short) 1).putShort((short) 1); // "fmt ", PCM, mono
    out.putInt(rateHz).putInt(rateHz * 2).putShort((short) 2).putShort((short) 16);
    out.putInt(0x61746164).putInt(0); // "data", size
    out.flip();
    while (out.hasRemaining()) channel.write(out);
    out.clear();
  }

  /** Appends samples at the end of the data chunk. */
  @Override
  public void append(short[] samples, int count) throws IOException {
    out.clear();
    for (int i = 0; i < count; i++) out.putShort(samples[i]);
    out.flip();
    while (out.hasRemaining()) channel.write(out);
    dataBytes += count * 2L;
  }

  /** Rewrites the RIFF size (offset 4) and the data size (offset 40) to what has been appended. */
  void updateHeader() throws IOException {
    writeSize(4, 36 + dataBytes);
    writeSize(40, dataBytes);
  }

  /** The header is the WAV's only index: keeping it current is what a crash needs. */
  @Override
  public void checkpoint() throws IOException {
    updateHeader();
  }

  @Override
  public long audioSamples() {
    return dataBytes / 2;
  }

  private void writeSize(long at, long value) throws IOException {
    sizes.clear();
    sizes.putInt((int) Math.min(value, 0xFFFF_FFFFL));
    sizes.flip();
    while (sizes.hasRemaining()) channel.write(sizes, at + sizes.position());
  }

  long dataBytes() {
    return dataBytes;
  }

  @Override
  public long fileBytes() {
    return HEADER_BYTES + dataBytes;
  }

  @Override
  public void close() throws IOException {
    try {
      updateHeader();
    } finally {
      channel.close();
    }
  }
}
