package dev.parley.server.api;

import dev.parley.media.audio.Prompt;
import java.io.IOException;

/** Loads a {@code builtin:NAME} sound at a room's rate; the app passes the server's prompt library. */
@FunctionalInterface
public interface SoundLoader {
  /** @throws IOException when there is no such sound */
  Prompt load(String reference, int rateHz) throws IOException;
}
