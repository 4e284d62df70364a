package dev.parley.server.conference;

import dev.parley.media.audio.Prompt;
import dev.parley.media.record.RecordingFormat;

/**
 * How a profile records its rooms.
 *
 * @param onJoin       a member joining through this profile (or route) starts the recording
 * @param pathTemplate the file, {@link dev.parley.server.config.RecordPathTemplate} fields unexpanded;
 *                     absolute (resolved against the data directory when the profile was built)
 * @param warning      played to the room when a recording starts; null for none
 * @param format       the file's format (its extension matches)
 * @param onModerator  a moderator joining through this profile (or route) starts the recording
 */
public record RecordingPolicy(boolean onJoin, String pathTemplate, Prompt warning, RecordingFormat format,
    boolean onModerator) {
  public static final RecordingPolicy OFF = new RecordingPolicy(false, "recordings/${conference_name}.wav", null);

  /** A WAV recording policy. */
  public RecordingPolicy(boolean onJoin, String pathTemplate, Prompt warning) {
    this(onJoin, pathTemplate, warning, RecordingFormat.WAV, false);
  }
}
