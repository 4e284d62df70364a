package dev.parley.server.call;

import dev.parley.media.engine.RoomMediaSpec;
import dev.parley.server.conference.RoomProfile;
import dev.parley.server.config.ProfileConfig;
import dev.parley.server.config.Sounds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentHashMap;

/** Turns configured profiles (with route parameters applied) into room profiles with loaded sounds. */
public final class RoomProfiles {
  private final PromptLibrary prompts;
  private final ConcurrentHashMap<ProfileConfig, RoomProfile> cache = new ConcurrentHashMap<>();

  public RoomProfiles(PromptLibrary prompts) {
    this.prompts = prompts;
  }

  public RoomProfile forConfig(ProfileConfig p) {
    return cache.computeIfAbsent(p, this::build);
  }

  private RoomProfile build(ProfileConfig p) {
    try {
      int rate = p.rateHz();
      Sounds s = p.sounds();
      return new RoomProfile(
          p.name(),
          new RoomMediaSpec(p.name(), rate, p.intervalMs(), p.energyLevel(), p.comfortNoiseLevel()),
          p.maxMembers(),
          p.lonely(),
          p.lonelyGrace(),
          s == null ? null : prompts.get(s.enter(), rate),
          s == null ? null : prompts.get(s.exit(), rate),
          s == null ? null : prompts.get(s.alone(), rate),
          s == null ? null : prompts.get(s.music(), rate));
    } catch (IOException e) {
      throw new UncheckedIOException("profile " + p.name() + ": " + e.getMessage(), e);
    }
  }
}
