package dev.parley.server.api;

import java.io.IOException;
import java.util.List;

/**
 * The sounds a play request may name: the built-in prompts and the files of the announcements
 * directory. The app implements it over its prompt library.
 *
 * <p>{@link #load} fails with {@link IllegalArgumentException} for a {@code file:NAME} whose NAME is
 * not allowed (a path, {@code ..}, a control character, too long), {@link java.nio.file.NoSuchFileException}
 * for a sound that does not exist, and another {@link IOException} naming the file when it is not a
 * WAV the server can play.
 */
public interface SoundCatalog extends SoundLoader {
  /**
   * One playable sound.
   *
   * @param name     as a play request names it: {@code builtin:enter}, {@code file:welcome.wav}
   * @param rateHz   the file's own rate (it is resampled to each room's)
   * @param channels 1 or 2
   * @param problem  null, or why the file cannot be played (a broken WAV)
   */
  record Entry(String name, double durationSeconds, int rateHz, int channels, String problem) {}

  List<Entry> builtins();

  /** The files of the announcements directory, by name. */
  List<Entry> files() throws IOException;

  /** The announcements directory, where {@code file:NAME} is looked up. */
  String directory();
}
