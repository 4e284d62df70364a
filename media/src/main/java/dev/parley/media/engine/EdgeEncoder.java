package dev.parley.media.engine;

import dev.parley.media.codec.AudioEncoder;
import dev.parley.media.codec.CodecType;
import dev.parley.media.dsp.Resampler;

/**
 * The send edge of one stream (or of one room's shared mix for one codec): room-rate PCM resampled to
 * the codec's rate, then encoded. Media thread only; no allocation after construction.
 */
final class EdgeEncoder {
  /** The most one room frame encodes to: 30 ms of L16 at 48 kHz (G.711, G.722 and Opus make less). */
  static final int MAX_FRAME_BYTES = 2880;

  private final CodecType type;
  private final AudioEncoder encoder;
  private final Resampler resampler;
  private final short[] pcm;

  /**
   * @param roomFrame samples per room tick at the room's rate
   * @param fmtp the peer's fmtp for this codec, or null (the shared mix: defaults)
   */
  EdgeEncoder(CodecType type, int roomRateHz, int roomFrame, String fmtp) {
    this.type = type;
    int pcmRate = type.pcmRateHz(roomRateHz);
    this.resampler = new Resampler(roomRateHz, pcmRate, roomFrame);
    int codecFrame = (int) ((long) roomFrame * pcmRate / roomRateHz);
    this.encoder = type.newEncoder(pcmRate, codecFrame, fmtp);
    this.pcm = new short[resampler.maxOutput(roomFrame)];
  }

  CodecType type() {
    return type;
  }

  /** Encodes one room frame; returns the payload bytes written to {@code out} from 0. */
  int encode(short[] roomPcm, int frame, byte[] out) {
    if (resampler.identity()) return encoder.encode(roomPcm, 0, frame, out, 0);
    int n = resampler.process(roomPcm, 0, frame, pcm, 0);
    return encoder.encode(pcm, 0, n, out, 0);
  }

  /** RTP timestamp ticks of one room frame, for frame-based codecs. */
  static int frameTicks(CodecType type, int frame, int roomRateHz) {
    return (int) ((long) frame * type.clockRateHz() / roomRateHz);
  }
}
