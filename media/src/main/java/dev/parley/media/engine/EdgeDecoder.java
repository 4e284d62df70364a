package dev.parley.media.engine;

import dev.parley.media.codec.AudioDecoder;
import dev.parley.media.codec.CodecType;
import dev.parley.media.dsp.Resampler;
import dev.parley.media.jitter.JitterBuffer;

/**
 * The receive edge of one stream: decodes each RTP payload, resamples it to the room's rate and puts
 * it into the member's jitter buffer at its timestamp on the room's clock.
 *
 * <p>For a decoder that conceals better than the jitter buffer can (Opus), a gap of up to {@link
 * #MAX_FILLED_PACKETS} packets, seen when the next packet arrives, is filled by the decoder: the
 * packet just before the new one from its in-band FEC (RFC 6716 §2.1.7), the earlier ones by the
 * decoder's concealment (§4.4); longer gaps (DTX, outages) are left to the jitter buffer. Media thread
 * only; nothing allocated after construction.
 */
final class EdgeDecoder {
  static final int MAX_FILLED_PACKETS = 3;
  /** 120 ms at 48 kHz, the longest Opus packet (RFC 6716 §3.2.5) and more than 1500 bytes of G.711. */
  private static final int MAX_CODEC_SAMPLES = 5760;

  private final CodecType type;
  private final AudioDecoder decoder;
  private final Resampler resampler;
  private final RtpClockScale clock;
  private final short[] pcm = new short[MAX_CODEC_SAMPLES];
  private final short[] room;
  private final int pcmRate;

  private boolean haveLast;
  private long lastSsrc;
  private int lastSequence;
  private long lastTimestamp;
  /** RTP ticks the previous packet spanned. */
  private int lastTicks;
  long filledPackets;

  EdgeDecoder(CodecType type, int roomRateHz) {
    this.type = type;
    this.pcmRate = type.pcmRateHz(roomRateHz);
    this.decoder = type.newDecoder(pcmRate);
    // 187.5 ms: 1500 bytes of G.711 or G.722, the most a packet of a resampled codec can hold.
    this.resampler = new Resampler(pcmRate, roomRateHz, pcmRate == roomRateHz ? 0 : pcmRate * 3 / 16);
    this.clock = new RtpClockScale(type.clockRateHz(), roomRateHz);
    this.room = new short[resampler.maxOutput(pcmRate * 3 / 16)];
  }

  CodecType type() {
    return type;
  }

  /**
   * Decodes one audio payload into {@code jitter}.
   *
   * @return false if the payload did not decode
   */
  boolean receive(long ssrc, int sequence, long timestamp, byte[] in, int off, int len, JitterBuffer jitter,
      long nowNanos) {
    if (decoder.conceals()) fillGap(ssrc, sequence, timestamp, in, off, len, jitter, nowNanos);
    int n = decoder.decode(in, off, len, pcm, 0);
    if (n <= 0) return false;
    put(ssrc, sequence, timestamp, n, jitter, nowNanos);
    haveLast = true;
    lastSsrc = ssrc;
    lastSequence = sequence;
    lastTimestamp = timestamp;
    lastTicks = (int) ((long) n * type.clockRateHz() / pcmRate);
    return true;
  }

  private void fillGap(long ssrc, int sequence, long timestamp, byte[] in, int off, int len, JitterBuffer jitter,
      long nowNanos) {
    if (!haveLast || ssrc != lastSsrc || lastTicks <= 0) return;
    int missing = ((sequence - lastSequence) & 0xffff) - 1;
    if (missing < 1 || missing > MAX_FILLED_PACKETS) return;
    // Only a plain loss: the timestamps must have moved on by exactly the lost packets' duration.
    if (((timestamp - lastTimestamp) & 0xffffffffL) != (long) (missing + 1) * lastTicks) return;
    int samples = (int) ((long) lastTicks * pcmRate / type.clockRateHz());
    for (int i = 1; i <= missing; i++) {
      int n = i == missing
          ? decoder.recover(in, off, len, pcm, 0, samples)
          : decoder.conceal(pcm, 0, samples);
      if (n <= 0) return;
      put(ssrc, (lastSequence + i) & 0xffff, (lastTimestamp + (long) i * lastTicks) & 0xffffffffL, n, jitter, nowNanos);
      filledPackets++;
    }
  }

  private void put(long ssrc, int sequence, long timestamp, int n, JitterBuffer jitter, long nowNanos) {
    long roomTs = clock.toRoom(timestamp);
    if (resampler.identity()) {
      jitter.put(ssrc, sequence, roomTs, pcm, 0, n, nowNanos);
    } else {
      int m = resampler.process(pcm, 0, Math.min(n, pcmRate * 3 / 16), room, 0);
      jitter.put(ssrc, sequence, roomTs, room, 0, m, nowNanos);
    }
  }
}
