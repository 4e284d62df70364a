package dev.parley.server.app;

import dev.parley.media.audio.Prompt;
import dev.parley.server.api.SoundCatalog;
import dev.parley.server.call.AnnouncementFiles;
import dev.parley.server.call.PromptLibrary;
import dev.parley.server.config.Sounds;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The API's view of the server's sounds: the prompt library for loading, the directory for listing. */
final class ServerSounds implements SoundCatalog {
  /** The built-in prompts are 8 kHz files (scripts/make-prompts.sh). */
  private static final int BUILTIN_RATE_HZ = 8000;
  /** Built-in prompts the server plays by itself, besides those a profile can name. */
  private static final List<String> SERVER_PROMPTS = List.of("not-scheduled", "ends-soon");

  private final PromptLibrary prompts;
  private final AnnouncementFiles files;

  ServerSounds(PromptLibrary prompts, AnnouncementFiles files) {
    this.prompts = prompts;
    this.files = files;
  }

  @Override
  public Prompt load(String reference, int rateHz) throws IOException {
    return prompts.get(reference, rateHz);
  }

  @Override
  public List<Entry> builtins() {
    TreeSet<String> names = new TreeSet<>(Sounds.BUILTIN);
    names.addAll(SERVER_PROMPTS);
    List<Entry> out = new ArrayList<>();
    for (String n : names) {
      String ref = Sounds.BUILTIN_PREFIX + n;
      try {
        Prompt p = prompts.get(ref, BUILTIN_RATE_HZ);
        out.add(new Entry(ref, Math.round(p.durationSeconds() * 1000) / 1000.0, BUILTIN_RATE_HZ, 1, null));
      } catch (IOException e) {
        out.add(new Entry(ref, 0, 0, 0, e.getMessage()));
      }
    }
    return out;
  }

  @Override
  public List<Entry> files() throws IOException {
    List<Entry> out = new ArrayList<>();
    for (AnnouncementFiles.Listed f : files.list()) {
      out.add(new Entry(AnnouncementFiles.PREFIX + f.name(), f.durationSeconds(), f.rateHz(), f.channels(), f.problem()));
    }
    return out;
  }

  @Override
  public String directory() {
    return files.directory().toString();
  }
}
