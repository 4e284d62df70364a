package dev.parley.media.record;

/** The file formats a room's recording can be written in. */
public enum RecordingFormat {
  /** 16-bit mono PCM in RIFF/WAVE, the header kept current. */
  WAV(".wav"),
  /** Opus (RFC 6716) in Ogg (RFC 7845), encoded on the recorder's writer thread. */
  OPUS(".opus");

  private final String extension;

  RecordingFormat(String extension) {
    this.extension = extension;
  }

  /** The file name extension, with its dot. */
  public String extension() {
    return extension;
  }
}
