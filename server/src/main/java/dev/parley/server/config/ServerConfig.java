package dev.parley.server.config;

import java.nio.file.Path;
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
 * @param extensions phones that register here, by number
 * @param gateways SIP trunks by name, in file order (the first is the default for invites)
 * @param controls the keypad control groups by name
 * @param profiles room profiles by name, in file order; always holds {@code default}
 * @param routes   dialled-number routes, in file order (the first match wins)
 * @param api      the HTTP control plane and webhooks
 * @param source   where it came from: the config file as given, or {@code "built-in defaults"}
 */
public record ServerConfig(
        SipSettings sip,
        MediaSettings media,
        StorageSettings storage,
        Map<String, ExtensionConfig> extensions,
        Map<String, GatewayConfig> gateways,
        ControlGroups controls,
        Map<String, ProfileConfig> profiles,
        List<RouteConfig> routes,
        ApiSettings api,
        String source) {

    public ServerConfig {
        Objects.requireNonNull(sip, "sip");
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(controls, "controls");
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(source, "source");
        profiles = Collections.unmodifiableMap(new LinkedHashMap<>(profiles));
        extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
        gateways = Collections.unmodifiableMap(new LinkedHashMap<>(gateways));
        routes = List.copyOf(routes);
    }

    /** Where {@code file:NAME} sounds live: {@code media.announcements}, or the data directory's {@code announcements}. */
    public Path announcementsDir() {
        return media.announcements() != null ? media.announcements() : storage.dataDir().resolve("announcements");
    }
}
