package dev.parley.server.call;

import dev.parley.media.audio.Prompt;
import dev.parley.media.audio.WavFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves sound references from the config ({@code builtin:NAME} or a file path) to prompts at a
 * room's rate, loading each once; {@code file:NAME} goes to the announcements directory, which
 * keeps its own bounded cache (its files change while the server runs).
 */
public final class PromptLibrary {
  private final ConcurrentHashMap<String, Prompt> cache = new ConcurrentHashMap<>();
  private final AnnouncementFiles announcements;

  /** A library without announcement files: {@code file:NAME} is refused. */
  public PromptLibrary() {
    this(null);
  }

  public PromptLibrary(AnnouncementFiles announcements) {
    this.announcements = announcements;
  }

  /**
   * Returns the prompt, or null for a null reference.
   *
   * @throws IllegalArgumentException for a {@code file:NAME} whose NAME is not allowed
   * @throws java.nio.file.NoSuchFileException for a missing announcement file
   */
  public Prompt get(String reference, int rateHz) throws IOException {
    if (reference == null || reference.isBlank()) return null;
    if (reference.startsWith(AnnouncementFiles.PREFIX)) {
      if (announcements == null) throw new IOException("no announcements directory to play " + reference + " from");
      return announcements.load(reference.substring(AnnouncementFiles.PREFIX.length()), rateHz);
    }
    String key = reference + "@" + rateHz;
    Prompt cached = cache.get(key);
    if (cached != null) return cached;
    Prompt loaded = load(reference, rateHz);
    cache.put(key, loaded);
    return loaded;
  }

  private static Prompt load(String reference, int rateHz) throws IOException {
    if (reference.startsWith("builtin:")) {
      String name = reference.substring("builtin:".length());
      try (InputStream in = PromptLibrary.class.getResourceAsStream("/prompts/" + name + ".wav")) {
        if (in == null) throw new NoSuchFileException(reference, null, "no built-in sound named '" + name + "'");
        return WavFile.decode(reference, in.readAllBytes(), rateHz);
      }
    }
    return WavFile.load(Path.of(reference), rateHz);
  }
}
