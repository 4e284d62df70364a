package dev.parley.media.codec;

/**
 * G.711 (RFC 3551 §4.5.14) as a {@link CodecType}: one byte per sample at 8000 Hz, so the payload
 * length is the timestamp step, and the stateless codec is every stream's encoder and decoder.
 */
record G711Type(AudioCodec codec) implements CodecType {
  @Override
  public String encodingName() {
    return codec.encodingName();
  }

  @Override
  public int clockRateHz() {
    return 8000;
  }

  @Override
  public int pcmRateHz(int roomRateHz) {
    return 8000;
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
    if (pcmRateHz != 8000) throw new IllegalArgumentException(codec + " works at 8000 Hz, not " + pcmRateHz);
    return codec;
  }

  @Override
  public AudioDecoder newDecoder(int pcmRateHz) {
    if (pcmRateHz != 8000) throw new IllegalArgumentException(codec + " works at 8000 Hz, not " + pcmRateHz);
    return codec;
  }
}
