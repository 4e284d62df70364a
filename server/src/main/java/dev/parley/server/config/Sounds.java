package dev.parley.server.config;

import java.util.Set;

/**
 * The prompts of a profile. Each is {@code null} (play nothing), {@code "builtin:NAME"} with NAME in
 * {@link #BUILTIN}, or the absolute path of a file that was readable when the config was loaded.
 */
public record Sounds(String enter, String exit, String alone, String music) {

    /** Prefix of the prompts shipped inside Parley. */
    public static final String BUILTIN_PREFIX = "builtin:";

    /** Names valid after {@link #BUILTIN_PREFIX}. */
    public static final Set<String> BUILTIN =
            Set.of("enter", "exit", "alone", "music", "muted", "unmuted", "kicked", "pin", "bad-pin");

    /** No prompts at all. */
    public static final Sounds NONE = new Sounds(null, null, null, null);
}
