package dev.parley.media.audio;

import dev.parley.media.dsp.RateConverter;
import dev.parley.media.dsp.Resampler;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads RIFF/WAVE files of 16-bit linear PCM (mono or stereo, any rate) into a {@link Prompt} at the
 * rate a room mixes at.
 *
 * <p>Rate conversion: integer ratios (an 8 kHz prompt in a 16 or 48 kHz room, a 48 kHz file in an
 * 8 kHz room) go through the band-limited {@link Resampler}; other ratios (44.1 kHz files) through
 * {@link RateConverter}, the same filter evaluated at each output instant, so a 44.1 kHz
 * announcement loses what lies above the room's Nyquist frequency instead of folding it back into
 * the call. Load time only, never on the media path.
 */
public final class WavFile {
  private WavFile() {}

  /** Loads {@code file}, converting to mono at {@code targetRateHz}. */
  public static Prompt load(Path file, int targetRateHz) throws IOException {
    return decode(file.getFileName().toString(), Files.readAllBytes(file), targetRateHz);
  }

  /** The lowest and highest sample rates a file may declare; outside them it is not a sound. */
  public static final int MIN_RATE_HZ = 4000, MAX_RATE_HZ = 192_000;

  /**
   * What a WAV header says about the samples that follow.
   *
   * @param dataOffset where the samples start in the file
   * @param dataBytes  how many bytes of samples there are (the data chunk, cut at the end of the file)
   */
  public record Format(int rateHz, int channels, int dataOffset, int dataBytes) {
    public double durationSeconds() {
      return dataBytes / (2.0 * channels) / rateHz;
    }
  }

  /**
   * Reads the header of a WAV file of which {@code head} is the beginning (or all) and
   * {@code fileBytes} the whole length.
   *
   * @throws IOException naming {@code name} and what is wrong: not RIFF/WAVE, no fmt or data chunk, a
   *     truncated chunk, not 16-bit PCM mono or stereo, a rate outside {@value #MIN_RATE_HZ}..{@value #MAX_RATE_HZ} Hz
   */
  public static Format header(String name, byte[] head, long fileBytes) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
    if (head.length < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {
      throw new IOException(name + ": not a RIFF/WAVE file");
    }
    int channels = 0, rate = 0, bits = 0, format = -1;
    long pos = 12;
    while (pos + 8 <= head.length) {
      int id = b.getInt((int) pos);
      long size = b.getInt((int) pos + 4) & 0xFFFFFFFFL;
      int body = (int) pos + 8;
      if (id == 0x20746d66) { // "fmt "
        if (size < 16 || body + 16 > head.length) throw new IOException(name + ": the fmt chunk is truncated");
        format = b.getShort(body) & 0xffff;
        channels = b.getShort(body + 2);
        rate = b.getInt(body + 4);
        bits = b.getShort(body + 14);
      } else if (id == 0x61746164) { // "data"
        if (format < 0) throw new IOException(name + ": the data chunk comes before the fmt chunk");
        // 0xFFFE is WAVE_FORMAT_EXTENSIBLE, which sox writes for some files; the sample layout is the same.
        if ((format != 1 && format != 0xFFFE) || bits != 16 || channels < 1 || channels > 2) {
          throw new IOException(name + ": need 16-bit PCM mono or stereo, found format " + format + ", " + bits
              + " bits, " + channels + " channels");
        }
        if (rate < MIN_RATE_HZ || rate > MAX_RATE_HZ) {
          throw new IOException(name + ": a rate of " + rate + " Hz is outside " + MIN_RATE_HZ + ".." + MAX_RATE_HZ);
        }
        long bytes = Math.min(size, Math.max(0, fileBytes - body));
        if (bytes > Integer.MAX_VALUE - 8) throw new IOException(name + ": the data chunk is too large");
        return new Format(rate, channels, body, (int) bytes);
      }
      pos = body + size + (size & 1);
    }
    throw new IOException(name + (format < 0 ? ": no fmt chunk" : ": no data chunk") + " (or the header is truncated)");
  }

  /** Decodes WAV bytes; the message of the IOException says what is wrong with the file. */
  public static Prompt decode(String name, byte[] bytes, int targetRateHz) throws IOException {
    Format f = header(name, bytes, bytes.length);
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int channels = f.channels();
    int frames = f.dataBytes() / (2 * channels);
    short[] mono = new short[frames];
    for (int i = 0; i < frames; i++) {
      int sum = 0;
      for (int c = 0; c < channels; c++) sum += b.getShort(f.dataOffset() + 2 * (i * channels + c));
      mono[i] = (short) (sum / channels);
    }
    int rate = f.rateHz();
    return new Prompt(name, targetRateHz, rate == targetRateHz ? mono : resample(mono, rate, targetRateHz));
  }

  static short[] resample(short[] in, int fromHz, int toHz) {
    if (in.length > 0 && (toHz % fromHz == 0 || fromHz % toHz == 0)) {
      Resampler r = new Resampler(fromHz, toHz, in.length);
      short[] out = new short[r.maxOutput(in.length)];
      return java.util.Arrays.copyOf(out, r.process(in, 0, in.length, out, 0));
    }
    return RateConverter.convert(in, fromHz, toHz);
  }
}
