package dev.parley.server.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One routing rule: a dialled number the regex finds a match in goes to the room the template names.
 *
 * @param match   searched with {@code find()}, as Yate's regexroute does; anchor it with ^ and $ to match
 *                the whole number
 * @param room    room-name template: {@code $1}..{@code $9}, {@code ${N}} or {@code ${name}} insert capture
 *                groups ({@link RoomTemplate})
 * @param profile name of a profile in {@link ServerConfig#profiles()}
 * @param params  profile overrides, canonical keys (see {@link ProfileConfig#withParams}), in file order
 * @param line    1-based line of the rule in its config file, for logs
 * @param ask     the routing webhook asked what to do with each call, or null; {@code room} and
 *                {@code profile} are then the fallback and the default of a {@code join} answer
 */
public record RouteConfig(Pattern match, String room, String profile, Map<String, String> params, int line,
                          RouteAsk ask) {

    public RouteConfig {
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(profile, "profile");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** A route that asks nobody. */
    public RouteConfig(Pattern match, String room, String profile, Map<String, String> params, int line) {
        this(match, room, profile, params, line, null);
    }
}
