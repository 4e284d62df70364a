package dev.parley.server.config;

import java.util.Objects;

/**
 * A phone that registers with Parley: {@code user/NUMBER} dials every contact it registered.
 *
 * @param number   the extension number, the user part of its registration (digits, 1 to 16)
 * @param password its digest password; it never leaves the server
 * @param name     display name shown to the called party when the extension is invited, or null
 */
public record ExtensionConfig(String number, String password, String name) {

    public ExtensionConfig {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "ExtensionConfig[" + number + ", name=" + name + "]"; // never the password
    }
}
