package dev.parley.media.codec;

/**
 * Opus (RFC 6716) on RTP (RFC 7587) through Concentus, a pure-Java port of libopus.
 *
 * <p>RFC 7587 §7: the rtpmap is always {@code opus/48000/2} and the RTP clock always 48000, whatever
 * rate the codec really runs at. Here the codec runs at the room's rate (8, 16 or 48 kHz all are Opus
 * rates), so an Opus member needs no resampler. Frame based: one packet carries one encoded frame of
 * the room's interval (10 or 20 ms; Opus has no 30 ms frame, so 30 ms rooms do not offer Opus).
 *
 * <p>Allocation: Concentus allocates small scratch arrays inside encode and decode (a port of C code
 * that used the stack), so Opus members are the exception to "nothing allocated per packet"; the
 * figures are in docs/performance.md.
 */
public final class OpusCodec implements CodecType {
  public static final OpusCodec INSTANCE = new OpusCodec();

  private OpusCodec() {}

  @Override
  public String encodingName() {
    return "opus";
  }

  @Override
  public int clockRateHz() {
    return 48000;
  }

  @Override
  public int pcmRateHz(int roomRateHz) {
    return roomRateHz;
  }

  @Override
  public boolean frameBased() {
    return true;
  }

  @Override
  public int rtpTicks(int payloadBytes) {
    throw new UnsupportedOperationException("Opus packets are timed by their frame, not their bytes");
  }

  @Override
  public AudioEncoder newEncoder(int pcmRateHz, int frameSamples, String fmtp) {
    return new OpusStreamEncoder(pcmRateHz, frameSamples, OpusFmtp.parse(fmtp));
  }

  @Override
  public AudioDecoder newDecoder(int pcmRateHz) {
    return new OpusStreamDecoder(pcmRateHz);
  }

  @Override
  public String toString() {
    return "opus/48000/2";
  }
}
