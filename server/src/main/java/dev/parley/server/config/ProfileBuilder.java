package dev.parley.server.config;

import java.time.Duration;

/** Mutable scratch state of a profile while it is read; null fields are not set yet. */
final class ProfileBuilder {

    String name;
    Integer rateHz;
    Integer intervalMs;
    Integer energyLevel;
    Integer maxMembers;
    Boolean lonely;
    Duration lonelyGrace;
    Integer comfortNoiseLevel;
    Sounds sounds;

    static ProfileBuilder from(ProfileConfig p) {
        ProfileBuilder b = new ProfileBuilder();
        b.name = p.name();
        b.rateHz = p.rateHz();
        b.intervalMs = p.intervalMs();
        b.energyLevel = p.energyLevel();
        b.maxMembers = p.maxMembers();
        b.lonely = p.lonely();
        b.lonelyGrace = p.lonelyGrace();
        b.comfortNoiseLevel = p.comfortNoiseLevel();
        b.sounds = p.sounds();
        return b;
    }

    /** @throws NullPointerException if a field was never set (callers check their problems first) */
    ProfileConfig build() {
        return new ProfileConfig(name, rateHz, intervalMs, energyLevel, maxMembers, lonely, lonelyGrace,
                comfortNoiseLevel, sounds);
    }
}
