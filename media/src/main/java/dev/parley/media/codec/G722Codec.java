package dev.parley.media.codec;

/**
 * G.722 (RTP payload type 9, RFC 3551 §4.5.2): 16 kHz audio at 64 kbit/s, one byte per two samples.
 *
 * <p>The clock quirk: RFC 3551 §4.5.2 keeps the RTP clock at 8000 Hz "for historical reasons" (an error
 * in RFC 1890 that was kept for compatibility), so the rtpmap says {@code G722/8000} and a 20 ms packet
 * of 320 samples in 160 bytes advances the timestamp by 160. One byte is one timestamp tick, like G.711.
 */
public final class G722Codec implements CodecType {
  public static final G722Codec INSTANCE = new G722Codec();

  private G722Codec() {}

  @Override
  public String encodingName() {
    return "G722";
  }

  @Override
  public int clockRateHz() {
    return 8000;
  }

  @Override
  public int pcmRateHz(int roomRateHz) {
    return 16000;
  }

  @Override
  public boolean frameBased() {
    return false;
  }

  @Override
  public int rtpTicks(int payloadBytes) {
    return payloadBytes;
  }

  @Override
  public AudioEncoder newEncoder(int pcmRateHz, int frameSamples, String fmtp) {
    if (pcmRateHz != 16000) throw new IllegalArgumentException("G.722 encodes 16000 Hz, not " + pcmRateHz);
    return new G722Encoder();
  }

  @Override
  public AudioDecoder newDecoder(int pcmRateHz) {
    if (pcmRateHz != 16000) throw new IllegalArgumentException("G.722 decodes to 16000 Hz, not " + pcmRateHz);
    return new G722Decoder();
  }

  @Override
  public String toString() {
    return "G722/8000";
  }
}
