package dev.parley.loadgen.media;

import dev.parley.testkit.G711;

/**
 * Pre-encoded PCMU payloads that a call sends one after the other, 20 ms (160 bytes) each, wrapping
 * around at the end. Built once per distinct signal and shared read-only by every call that sends it,
 * so the sender only copies bytes.
 *
 * <p>A tone loop is one second long: an integer frequency in Hz makes a whole number of cycles in
 * one second, so the loop has no click where it wraps.
 */
public final class AudioLoop {

  public static final int SAMPLE_RATE_HZ = 8000;
  public static final int FRAME_SAMPLES = 160;
  /** μ-law of 0: what a member who does not talk sends (phones keep sending without VAD). */
  private static final byte ULAW_SILENCE = (byte) 0xFF;

  private final byte[][] frames;

  private AudioLoop(byte[][] frames) {
    this.frames = frames;
  }

  /** One second of a sine of {@code frequencyHz} with peak {@code amplitude} (of 32767). */
  public static AudioLoop tone(int frequencyHz, int amplitude) {
    short[] pcm = new short[SAMPLE_RATE_HZ];
    for (int i = 0; i < pcm.length; i++) {
      pcm[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * frequencyHz * i / SAMPLE_RATE_HZ));
    }
    return fromPcm(pcm);
  }

  /** One frame of μ-law silence. */
  public static AudioLoop silence() {
    byte[] frame = new byte[FRAME_SAMPLES];
    java.util.Arrays.fill(frame, ULAW_SILENCE);
    return new AudioLoop(new byte[][] {frame});
  }

  /** 16-bit PCM at 8 kHz, cut into 20 ms frames; a last partial frame is padded with silence. */
  public static AudioLoop fromPcm(short[] pcm) {
    int n = Math.max(1, (pcm.length + FRAME_SAMPLES - 1) / FRAME_SAMPLES);
    byte[][] frames = new byte[n][FRAME_SAMPLES];
    for (int f = 0; f < n; f++) {
      for (int i = 0; i < FRAME_SAMPLES; i++) {
        int s = f * FRAME_SAMPLES + i;
        frames[f][i] = s < pcm.length ? G711.linearToUlaw(pcm[s]) : ULAW_SILENCE;
      }
    }
    return new AudioLoop(frames);
  }

  public int frameCount() {
    return frames.length;
  }

  /** Frame {@code index} modulo the loop length. The array is shared: read it, never write it. */
  public byte[] frame(long index) {
    return frames[(int) Math.floorMod(index, (long) frames.length)];
  }
}
