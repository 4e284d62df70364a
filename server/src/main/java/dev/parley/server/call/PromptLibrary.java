package dev.parley.server.call;

import dev.parley.media.audio.Prompt;
import dev.parley.media.audio.WavFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves sound references from the config ({@code builtin:NAME} or a file path) to prompts at a
 * room's rate, loading each once.
 */
public final class PromptLibrary {
  private final ConcurrentHashMap<String, Prompt> cache = new ConcurrentHashMap<>();

  /** Returns the prompt, or null for a null reference. */
  public Prompt get(String reference, int rateHz) throws IOException {
    if (reference == null || reference.isBlank()) return null;
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
        if (in == null) throw new IOException("no built-in sound named '" + name + "'");
        return WavFile.decode(reference, in.readAllBytes(), rateHz);
      }
    }
    return WavFile.load(Path.of(reference), rateHz);
  }
}
