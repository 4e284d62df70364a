package dev.parley.media.record;

import io.github.jaredmdobson.concentus.OpusApplication;
import io.github.jaredmdobson.concentus.OpusEncoder;
import io.github.jaredmdobson.concentus.OpusException;
import io.github.jaredmdobson.concentus.OpusSignal;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes the mix as Opus in Ogg (RFC 7845), mono, 20 ms frames encoded by Concentus at the room's rate
 * (8, 16 and 48 kHz are Opus rates). Runs on the recorder's writer thread, so the media thread never
 * encodes for the recording. Every {@link #checkpoint} ends the Ogg page, so a process killed later
 * leaves a file that plays up to the last checkpoint: Ogg needs no header rewritten. One thread only.
 */
final class OggOpusWriter implements RecordingSink {
  /** Speech in a recording: transparent enough at 24 kbit/s wideband, 16 narrowband. */
  private static final int WIDEBAND_BITRATE = 24_000;
  private static final int NARROWBAND_BITRATE = 16_000;
  private static final int MAX_PACKET_BYTES = 1275;
  /** RFC 7845 §4: granule positions count 48 kHz samples whatever the input rate. */
  private static final int GRANULE_RATE = 48_000;

  private final FileChannel channel;
  private final OggPageWriter ogg;
  private final OpusEncoder encoder;
  private final int rateHz;
  private final short[] frame;
  private final byte[] packet = new byte[MAX_PACKET_BYTES];
  private final int granulePerFrame;
  private int filled;
  private long granule;
  private long samples;

  OggOpusWriter(Path file, int rateHz) throws IOException {
    if (rateHz != 8000 && rateHz != 16000 && rateHz != 48000) {
      throw new IllegalArgumentException("Opus records at 8000, 16000 or 48000 Hz, not " + rateHz);
    }
    this.rateHz = rateHz;
    this.frame = new short[rateHz / 50];
    this.granulePerFrame = GRANULE_RATE / 50;
    try {
      encoder = new OpusEncoder(rateHz, 1, OpusApplication.OPUS_APPLICATION_VOIP);
    } catch (OpusException e) {
      throw new IllegalArgumentException("Opus cannot run at " + rateHz + " Hz: " + e.getMessage(), e);
    }
    encoder.setBitrate(rateHz > 8000 ? WIDEBAND_BITRATE : NARROWBAND_BITRATE);
    encoder.setSignalType(OpusSignal.OPUS_SIGNAL_VOICE);
    encoder.setForceChannels(1);
    encoder.setComplexity(5);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING);
    ogg = new OggPageWriter(channel, ThreadLocalRandom.current().nextInt());
    // RFC 7845 §4.2: pre-skip is the encoder's look-ahead, which the player drops from the start.
    int preSkip = encoder.getLookahead() * (GRANULE_RATE / rateHz);
    ogg.headerPacket(opusHead(preSkip, rateHz), 0);
    ogg.headerPacket(opusTags(), 0);
  }

  /** RFC 7845 §5.1: the identification header. */
  static byte[] opusHead(int preSkip, int inputRateHz) {
    ByteBuffer b = ByteBuffer.allocate(19).order(ByteOrder.LITTLE_ENDIAN);
    b.put("OpusHead".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 1);
    b.putShort((short) preSkip).putInt(inputRateHz).putShort((short) 0).put((byte) 0);
    return b.array();
  }

  /** RFC 7845 §5.2: the comment header, with our vendor string and no comments. */
  static byte[] opusTags() {
    byte[] vendor = "Parley (Concentus)".getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(8 + 4 + vendor.length + 4).order(ByteOrder.LITTLE_ENDIAN);
    b.put("OpusTags".getBytes(StandardCharsets.US_ASCII)).putInt(vendor.length).put(vendor).putInt(0);
    return b.array();
  }

  @Override
  public void append(short[] in, int count) throws IOException {
    int at = 0;
    while (at < count) {
      int n = Math.min(count - at, frame.length - filled);
      System.arraycopy(in, at, frame, filled, n);
      filled += n;
      at += n;
      if (filled == frame.length) encodeFrame();
    }
    samples += count;
  }

  private void encodeFrame() throws IOException {
    int length;
    try {
      length = encoder.encode(frame, 0, frame.length, packet, 0, packet.length);
    } catch (OpusException e) {
      throw new IOException("Opus encoder failed: " + e.getMessage(), e);
    }
    granule += granulePerFrame;
    ogg.packet(packet, length, granule);
    filled = 0;
  }

  @Override
  public void checkpoint() throws IOException {
    ogg.flush(false);
  }

  @Override
  public long audioSamples() {
    return samples;
  }

  @Override
  public long fileBytes() {
    return ogg.bytesWritten();
  }

  @Override
  public void close() throws IOException {
    try {
      if (filled > 0) {
        java.util.Arrays.fill(frame, filled, frame.length, (short) 0);
        encodeFrame();
      }
      ogg.flush(true);
    } finally {
      channel.close();
    }
  }
}
