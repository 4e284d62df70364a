package dev.parley.server.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The whole configuration of one server instance, as read and validated by {@link ConfigLoader}.
 * Immutable; safe to share between threads.
 *
 * @param storage  the database and data directory
 * @param controls the keypad control groups by name
 * @param profiles room profiles by name, in file order; always holds {@code default}
 * @param routes   dialled-number routes, in file order (the first match wins)
 * @param source   where it came from: the config file as given, or {@code "built-in defaults"}
 */
public record ServerConfig(
        SipSettings sip,
        MediaSettings media,
        StorageSettings storage,
        ControlGroups controls,
        Map<String, ProfileConfig> profiles,
        List<RouteConfig> routes,
        String source) {

    public ServerConfig {
        Objects.requireNonNull(sip, "sip");
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(controls, "controls");
        Objects.requireNonNull(source, "source");
        profiles = Collections.unmodifiableMap(new LinkedHashMap<>(profiles));
        routes = List.copyOf(routes);
    }

    /** A config with the default storage (SQLite in {@code ./data}), for tests that build configs by hand. */
    public ServerConfig(SipSettings sip, MediaSettings media, ControlGroups controls, Map<String, ProfileConfig> profiles,
                        List<RouteConfig> routes, String source) {
        this(sip, media, new StorageSettings(java.nio.file.Path.of("data"), "", "", ""), controls, profiles, routes, source);
    }
}
