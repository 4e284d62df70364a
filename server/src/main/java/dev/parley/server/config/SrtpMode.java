package dev.parley.server.config;

import java.util.Locale;

/**
 * Profile key {@code srtp}: whether a room's calls must, may or must not use SRTP (SDES keys, RFC 4568).
 * A plain offer to a {@code required} room is refused with 488, never answered in the clear.
 */
public enum SrtpMode {
    REQUIRED,
    OPTIONAL,
    OFF;

    /** @throws IllegalArgumentException for anything but required, optional or off (false, no) */
    public static SrtpMode parse(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "required" -> REQUIRED;
            case "optional" -> OPTIONAL;
            case "off", "false", "no" -> OFF;
            default -> throw new IllegalArgumentException("must be required, optional or off, got '" + value.strip() + "'");
        };
    }
}
