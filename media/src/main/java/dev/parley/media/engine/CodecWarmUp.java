package dev.parley.media.engine;

import dev.parley.media.codec.CodecType;
import dev.parley.media.codec.L16Codec;
import dev.parley.media.jitter.JitterBuffer;
import dev.parley.media.jitter.JitterBufferConfig;

/**
 * Runs every codec edge (decode, resample, encode) over a few seconds of synthetic audio before the
 * first call, so the JIT has compiled the media path by then. Without it the first calls after start
 * lose audio for two to three seconds: interpreted Opus and resampling at 48 kHz overran the 20 ms tick
 * on a loaded two-core machine (measured in WidebandRoomIT: the tones came through 13 dB low, in
 * fragments, until compilation caught up).
 */
public final class CodecWarmUp {
  private static final int[] ROOM_RATES = {8000, 16000, 48000};

  private CodecWarmUp() {}

  /** Blocks for about a second of CPU; call once at start, from any thread. */
  public static void run() {
    byte[] payload = new byte[EdgeEncoder.MAX_FRAME_BYTES];
    for (int rate : ROOM_RATES) {
      int frame = rate / 50;
      short[] pcm = new short[frame];
      short[] played = new short[frame];
      for (int i = 0; i < frame; i++) pcm[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / rate));
      JitterBuffer jitter = new JitterBuffer(JitterBufferConfig.defaults(rate));
      for (int slot = 0; slot < CodecSlot.MAX; slot++) {
        CodecType type = CodecSlot.type(slot);
        // L16 is a byte swap and rare: warming its three rates in three rooms doubled the start-up time
        // on a loaded machine. Its resampling paths warm up in its first call instead.
        if (type instanceof L16Codec) continue;
        EdgeEncoder encoder = new EdgeEncoder(type, rate, frame, "useinbandfec=1");
        EdgeDecoder decoder = new EdgeDecoder(type, rate);
        int ticks = EdgeEncoder.frameTicks(type, frame, rate);
        for (int i = 0; i < 100; i++) {
          int n = encoder.encode(pcm, frame, payload);
          decoder.receive(1, i, (long) i * ticks, payload, 0, n, jitter, 0);
          jitter.read(played, 0, frame);
        }
      }
    }
  }
}
