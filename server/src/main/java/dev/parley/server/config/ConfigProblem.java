package dev.parley.server.config;

import java.util.Objects;

/**
 * One thing wrong with a config file, located for the user.
 *
 * @param source  the config file as given to the loader
 * @param line    1-based line, or 0 when the problem is with the file as a whole
 * @param field   dotted path of the offending key, e.g. {@code routes[1].match}; empty for YAML syntax
 *                errors and unreadable files
 * @param message what is wrong, in words a user can act on
 */
public record ConfigProblem(String source, int line, String field, String message) {

    public ConfigProblem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /** {@code source:line: field: message}, leaving out the parts that are absent. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(source);
        if (line > 0) {
            s.append(':').append(line);
        }
        s.append(": ");
        if (!field.isEmpty()) {
            s.append(field).append(": ");
        }
        return s.append(message).toString();
    }
}
