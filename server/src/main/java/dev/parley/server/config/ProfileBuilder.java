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
    String pin;
    String moderatorPin;
    Integer pinTries;
    java.util.Set<MemberFlag> flags;
    String controls;
    String moderatorControls;
    Duration digitTimeout;
    Boolean announceCount;
    Boolean endWithModerator;
    java.util.List<String> autoDial;
    InvitePolicy invitePolicy;
    String external;
    String externalDigits;
    Boolean billing;
    Boolean record;
    String recordPath;
    Boolean recordWarning;
    SrtpMode srtp;
    String recordFormat;
    Duration maxDuration;
    Duration warnBefore;
    Boolean recordOnModerator;
    Boolean comfortNoiseSend;

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
        b.pin = p.pin();
        b.moderatorPin = p.moderatorPin();
        b.pinTries = p.pinTries();
        b.flags = p.flags();
        b.controls = p.controls();
        b.moderatorControls = p.moderatorControls();
        b.digitTimeout = p.digitTimeout();
        b.announceCount = p.announceCount();
        b.endWithModerator = p.endWithModerator();
        b.autoDial = p.autoDial();
        b.invitePolicy = p.invitePolicy();
        b.external = p.external();
        b.externalDigits = p.externalDigits();
        b.billing = p.billing();
        b.record = p.record();
        b.recordPath = p.recordPath();
        b.recordWarning = p.recordWarning();
        b.srtp = p.srtp();
        b.recordFormat = p.recordFormat();
        b.maxDuration = p.maxDuration();
        b.warnBefore = p.warnBefore();
        b.recordOnModerator = p.recordOnModerator();
        b.comfortNoiseSend = p.comfortNoiseSend();
        return b;
    }

    /** @throws NullPointerException if a field was never set (callers check their problems first) */
    ProfileConfig build() {
        return new ProfileConfig(name, rateHz, intervalMs, energyLevel, maxMembers, lonely, lonelyGrace,
                comfortNoiseLevel, sounds, pin, moderatorPin, pinTries, flags, controls, moderatorControls,
                digitTimeout, announceCount, endWithModerator, autoDial, invitePolicy, external, externalDigits,
                billing, record, recordPath, recordWarning, srtp, recordFormat, maxDuration, warnBefore,
                recordOnModerator != null && recordOnModerator,
                comfortNoiseSend != null && comfortNoiseSend);
    }
}
