package dev.parley.server.config;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a member is or may do, given by its route (FreeSWITCH's {@code flags=mute|endconf}, Yate's
 * {@code existing}) and later by the API. Written in YAML as a {@code |}- or comma-separated list.
 */
public enum MemberFlag {
    /** Gets the moderator control group and counts as a moderator for wait-for-moderator. */
    MODERATOR("moderator"),
    /** Joins muted; may unmute with the mute key. */
    MUTED("muted", "mute"),
    /** Joins deaf: hears nothing of the room (its own prompts still play). */
    DEAF("deaf"),
    /** When this member leaves, everybody is hung up (seed 000's endconf). */
    END_CONFERENCE("end-conference", "endconf"),
    /** Joins only a room that already exists; otherwise the call is refused (Yate's existing). */
    JOIN_ONLY("join-only", "existing"),
    /** Hears music and is not heard until a moderator is in the room. */
    WAIT_FOR_MODERATOR("wait-for-moderator", "wait-mod"),
    /** Not counted: no enter or exit sound, not in the member count, does not end lonely waits. */
    GHOST("ghost");

    private final String key;
    private final List<String> aliases;

    MemberFlag(String key, String... aliases) {
        this.key = key;
        this.aliases = List.of(aliases);
    }

    public String key() {
        return key;
    }

    /** Every spelling accepted, canonical ones first. */
    static List<String> names() {
        List<String> names = new java.util.ArrayList<>();
        for (MemberFlag f : values()) names.add(f.key);
        for (MemberFlag f : values()) names.addAll(f.aliases);
        return names;
    }

    static MemberFlag byName(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (MemberFlag f : values()) {
            if (f.key.equals(n) || f.aliases.contains(n)) return f;
        }
        throw new IllegalArgumentException("unknown member flag '" + name.strip() + "'; "
                + Suggestions.hint(n, names()));
    }

    /** Parses {@code "moderator|endconf"} or {@code "moderator, endconf"}; empty text is no flags. */
    public static Set<MemberFlag> parseList(String text) {
        EnumSet<MemberFlag> flags = EnumSet.noneOf(MemberFlag.class);
        for (String part : text.split("[|,]")) {
            if (!part.isBlank()) flags.add(byName(part));
        }
        return flags;
    }
}
