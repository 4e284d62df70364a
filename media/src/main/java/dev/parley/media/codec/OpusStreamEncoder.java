package dev.parley.media.codec;

import io.github.jaredmdobson.concentus.OpusApplication;
import io.github.jaredmdobson.concentus.OpusBandwidth;
import io.github.jaredmdobson.concentus.OpusEncoder;
import io.github.jaredmdobson.concentus.OpusException;
import io.github.jaredmdobson.concentus.OpusSignal;

/**
 * One Opus encoder for one outgoing stream (or one room's shared mix), mono, VoIP mode, one frame per
 * call. Settings follow the peer's fmtp ({@link OpusFmtp}): in-band FEC when the peer can use it,
 * bandwidth no wider than its {@code maxplaybackrate}, its {@code maxaveragebitrate} as a ceiling.
 */
final class OpusStreamEncoder implements AudioEncoder {
  /** Bits per second for speech: wideband speech is transparent around 24 kbit/s, fullband 32. */
  private static final int WIDEBAND_BITRATE = 24_000;
  private static final int FULLBAND_BITRATE = 32_000;
  /** Largest packet we make; RFC 6716 §3.4 allows 1275 bytes per frame. */
  static final int MAX_PACKET_BYTES = 1275;

  private final OpusEncoder encoder;
  private final int frameSamples;
  private final int pcmRateHz;

  OpusStreamEncoder(int pcmRateHz, int frameSamples, OpusFmtp fmtp) {
    int frameMicros = (int) (frameSamples * 1_000_000L / pcmRateHz);
    if (frameMicros != 10_000 && frameMicros != 20_000 && frameMicros != 40_000 && frameMicros != 60_000) {
      throw new IllegalArgumentException("Opus frames are 10, 20, 40 or 60 ms here, not " + frameMicros + " us");
    }
    this.frameSamples = frameSamples;
    this.pcmRateHz = pcmRateHz;
    try {
      encoder = new OpusEncoder(pcmRateHz, 1, OpusApplication.OPUS_APPLICATION_VOIP);
    } catch (OpusException e) {
      throw new IllegalArgumentException("Opus cannot run at " + pcmRateHz + " Hz: " + e.getMessage(), e);
    }
    int bandLimitHz = Math.min(pcmRateHz, fmtp.maxPlaybackRateHz());
    encoder.setMaxBandwidth(bandwidthFor(bandLimitHz));
    int bitrate = bandLimitHz > 16000 ? FULLBAND_BITRATE : WIDEBAND_BITRATE;
    if (fmtp.maxAverageBitrate() > 0) bitrate = Math.min(bitrate, fmtp.maxAverageBitrate());
    encoder.setBitrate(bitrate);
    encoder.setSignalType(OpusSignal.OPUS_SIGNAL_VOICE);
    encoder.setForceChannels(1);
    encoder.setUseVBR(!fmtp.cbr());
    // RFC 7587 §3.3: FEC only helps a decoder that uses it; the expected loss makes the encoder spend bits on it.
    encoder.setUseInbandFEC(fmtp.inbandFec());
    encoder.setPacketLossPercent(fmtp.inbandFec() ? 10 : 0);
    // Continuous transmission even if the peer accepts DTX: our RTP clock and RTCP stay simple, and a
    // conference mix is rarely silent (comfort noise).
    encoder.setUseDTX(false);
    // 2 cores run a room of Opus members: complexity 5 halves the CPU of the default 10 for little loss.
    encoder.setComplexity(5);
  }

  /** The encoder's look-ahead in 48 kHz samples: an Ogg file's pre-skip (RFC 7845 §4.2). For tests. */
  int lookahead48k() {
    return encoder.getLookahead() * (48000 / pcmRateHz);
  }

  private static OpusBandwidth bandwidthFor(int hz) {
    if (hz <= 8000) return OpusBandwidth.OPUS_BANDWIDTH_NARROWBAND;
    if (hz <= 12000) return OpusBandwidth.OPUS_BANDWIDTH_MEDIUMBAND;
    if (hz <= 16000) return OpusBandwidth.OPUS_BANDWIDTH_WIDEBAND;
    if (hz <= 24000) return OpusBandwidth.OPUS_BANDWIDTH_SUPERWIDEBAND;
    return OpusBandwidth.OPUS_BANDWIDTH_FULLBAND;
  }

  @Override
  public int encode(short[] in, int off, int count, byte[] out, int outOff) {
    if (count != frameSamples) throw new IllegalArgumentException("one Opus frame is " + frameSamples + " samples");
    try {
      return encoder.encode(in, off, count, out, outOff, Math.min(MAX_PACKET_BYTES, out.length - outOff));
    } catch (OpusException e) {
      // Only for invalid arguments, which the constructor rules out; send nothing rather than stop the room.
      return 0;
    }
  }
}
