package dev.parley.server.conference;

import dev.parley.media.audio.Prompt;
import dev.parley.media.engine.RoomMediaSpec;
import java.time.Duration;

/**
 * Everything a room needs from its profile, resolved: the mix settings and the loaded sounds.
 *
 * @param maxMembers 0 = unlimited
 * @param lonely when false, a member left alone is hung up after {@code lonelyGrace}
 * @param enter played to the room when a member joins a room that already had someone (or null)
 * @param exit played to the room when a member leaves and others remain (or null)
 * @param alone played once to a member who is alone (or null)
 * @param music looped to a member who is alone, after {@code alone} (or null)
 */
public record RoomProfile(
    String name,
    RoomMediaSpec media,
    int maxMembers,
    boolean lonely,
    Duration lonelyGrace,
    Prompt enter,
    Prompt exit,
    Prompt alone,
    Prompt music) {}
