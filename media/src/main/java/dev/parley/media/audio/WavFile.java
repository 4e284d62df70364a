package dev.parley.media.audio;

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
 * linear interpolation, which is adequate for prompts. Load time only, never on the media path.
 */
public final class WavFile {
  private WavFile() {}

  /** Loads {@code file}, converting to mono at {@code targetRateHz}. */
  public static Prompt load(Path file, int targetRateHz) throws IOException {
    return decode(file.getFileName().toString(), Files.readAllBytes(file), targetRateHz);
  }

  /** Decodes WAV bytes; the message of the IOException says what is wrong with the file. */
  public static Prompt decode(String name, byte[] bytes, int targetRateHz) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (bytes.length < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {
      throw new IOException(name + ": not a RIFF/WAVE file");
    }
    int channels = 0;
    int rate = 0;
    int bits = 0;
    int format = 0;
    int dataOffset = -1;
    int dataLength = 0;
    int pos = 12;
    while (pos + 8 <= bytes.length) {
      int id = b.getInt(pos);
      int size = b.getInt(pos + 4);
      if (size < 0) break;
      int body = pos + 8;
      if (id == 0x20746d66) { // "fmt "
        format = b.getShort(body) & 0xffff;
        channels = b.getShort(body + 2);
        rate = b.getInt(body + 4);
        bits = b.getShort(body + 14);
      } else if (id == 0x61746164) { // "data"
        dataOffset = body;
        dataLength = Math.min(size, bytes.length - body);
        break;
      }
      pos = body + size + (size & 1);
    }
    if (dataOffset < 0 || rate <= 0) throw new IOException(name + ": no fmt or data chunk");
    // 0xFFFE is WAVE_FORMAT_EXTENSIBLE, which sox writes for some files; the sample layout is the same.
    if ((format != 1 && format != 0xFFFE) || bits != 16 || channels < 1 || channels > 2) {
      throw new IOException(
          name + ": need 16-bit PCM mono or stereo, found format " + format + ", " + bits + " bits, "
              + channels + " channels");
    }
    int frames = dataLength / (2 * channels);
    short[] mono = new short[frames];
    for (int i = 0; i < frames; i++) {
      int sum = 0;
      for (int c = 0; c < channels; c++) sum += b.getShort(dataOffset + 2 * (i * channels + c));
      mono[i] = (short) (sum / channels);
    }
    return new Prompt(name, targetRateHz, rate == targetRateHz ? mono : resample(mono, rate, targetRateHz));
  }

  static short[] resample(short[] in, int fromHz, int toHz) {
    if (in.length > 0 && (toHz % fromHz == 0 || fromHz % toHz == 0)) {
      Resampler r = new Resampler(fromHz, toHz, in.length);
      short[] out = new short[r.maxOutput(in.length)];
      return java.util.Arrays.copyOf(out, r.process(in, 0, in.length, out, 0));
    }
    int outLength = (int) ((long) in.length * toHz / fromHz);
    short[] out = new short[outLength];
    for (int i = 0; i < outLength; i++) {
      double src = (double) i * fromHz / toHz;
      int i0 = (int) src;
      int i1 = Math.min(i0 + 1, in.length - 1);
      double f = src - i0;
      out[i] = (short) Math.round(in[i0] * (1 - f) + in[i1] * f);
    }
    return out;
  }
}
