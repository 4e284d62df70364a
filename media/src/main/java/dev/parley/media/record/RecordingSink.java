package dev.parley.media.record;

import java.io.IOException;

/**
 * Where a recorder's writer thread puts the room's mix: a file format. One thread only (the writer's).
 */
interface RecordingSink extends AutoCloseable {
  /** Appends 16-bit mono samples at the recording's rate. */
  void append(short[] samples, int count) throws IOException;

  /**
   * Makes what was appended so far readable after a crash (WAV: rewrites the header sizes; Ogg: ends
   * the page), called about every second.
   */
  void checkpoint() throws IOException;

  /** Samples appended so far (the audio's length at the recording's rate). */
  long audioSamples();

  /** The file's size in bytes as written so far. */
  long fileBytes();

  /** Writes what is pending and closes the file. */
  @Override
  void close() throws IOException;
}
