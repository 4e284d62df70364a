package dev.parley.server.config;

import java.util.Objects;

/**
 * A phone that registers with Parley: {@code user/NUMBER} dials every contact it registered, and
 * dialling {@code *8} + its own number opens its ad-hoc room (seed 004).
 *
 * @param number   the extension number, the user part of its registration (digits, 1 to 16)
 * @param password its digest password; it never leaves the server
 * @param name     display name shown to the called party when the extension is invited, or null
 * @param adhoc    the options of the extension's own ad-hoc room
 */
public record ExtensionConfig(String number, String password, String name, AdhocOptions adhoc) {

    /**
     * Seed 004's {@code conference_pin}, {@code conference_end_on_exit} and {@code
     * conference_announce_caller_name}.
     *
     * @param pin          the PIN others key to join, or null for none (the owner is never asked)
     * @param endOnExit    everybody is hung up when the owner leaves
     * @param announceName a joiner records its name, which the room hears before the joiner
     */
    public record AdhocOptions(String pin, boolean endOnExit, boolean announceName) {
        public static final AdhocOptions NONE = new AdhocOptions(null, false, false);
    }

    public ExtensionConfig {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(password, "password");
        if (adhoc == null) adhoc = AdhocOptions.NONE;
    }

    public ExtensionConfig(String number, String password, String name) {
        this(number, password, name, AdhocOptions.NONE);
    }

    @Override
    public String toString() {
        return "ExtensionConfig[" + number + ", name=" + name + "]"; // never the passwords or the PIN
    }
}
