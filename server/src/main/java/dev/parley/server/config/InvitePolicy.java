package dev.parley.server.config;

import java.util.Locale;

/** Who may invite by keypad (seed 001: moderators; seed 004: any extension in the room, or the owner of an ad-hoc room). */
public enum InvitePolicy {
    /** Only moderators. */
    MODERATORS("moderators"),
    /** Members who called from a registered extension (authenticated), and moderators. */
    EXTENSIONS("extensions"),
    /** Anybody but trunk callers. */
    ANYONE("anyone"),
    /** The owner of an ad-hoc room only (seed 004); nobody in rooms that have no owner. */
    OWNER("owner"),
    /** Nobody. */
    NOBODY("nobody");

    private final String key;

    InvitePolicy(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    static InvitePolicy byKey(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        for (InvitePolicy p : values()) if (p.key.equals(v)) return p;
        throw new IllegalArgumentException("expected moderators, extensions, anyone, owner or nobody, got '" + value.strip() + "'");
    }
}
