package dev.parley.server.routing;

import dev.parley.server.config.ProfileConfig;
import dev.parley.server.config.RoomTemplate;
import dev.parley.server.config.RouteConfig;
import dev.parley.server.config.ServerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps a dialled number to a room with the routes of a {@link ServerConfig}: the first route whose regex
 * finds a match anywhere in the number wins, as in Yate's regexroute; anchors in the regex decide how much
 * of the number must match. Profiles with route params applied are computed once, here.
 *
 * <p>Immutable; {@link #resolve} is safe from any thread.
 */
public final class Router {

    /**
     * Longer dialled strings are not routed: user-written regexes meet caller-controlled text, and a
     * bound keeps a backtracking regex from being fed a huge input.
     */
    public static final int MAX_DIALLED_LENGTH = 256;

    private static final Logger log = LoggerFactory.getLogger(Router.class);

    private record Compiled(RouteConfig route, RoomTemplate room, ProfileConfig profile) {
    }

    private final List<Compiled> routes;

    /**
     * @throws IllegalArgumentException if a route names a missing profile, has an invalid room template or
     *         invalid params; {@link dev.parley.server.config.ConfigLoader} has ruled all of these out
     */
    public Router(ServerConfig config) {
        List<Compiled> compiled = new ArrayList<>();
        for (RouteConfig route : config.routes()) {
            ProfileConfig profile = config.profiles().get(route.profile());
            if (profile == null) {
                throw new IllegalArgumentException("route on line " + route.line() + ": no profile named '"
                        + route.profile() + "'");
            }
            compiled.add(new Compiled(route, RoomTemplate.parse(route.room(), route.match()),
                    profile.withParams(route.params())));
        }
        this.routes = List.copyOf(compiled);
    }

    /**
     * @param dialledNumber exactly as the caller gave it (the user part of the request URI), unmodified:
     *                      a later PIN suffix such as {@code 3000*1234} is matched too
     * @return the room, or empty (the caller gets 404) when no route matches, the number is longer than
     *         {@link #MAX_DIALLED_LENGTH}, or the matching route expands to an invalid room name
     */
    public Optional<RoomTarget> resolve(String dialledNumber) {
        if (dialledNumber.length() > MAX_DIALLED_LENGTH) {
            log.debug("not routing a dialled number of {} characters", dialledNumber.length());
            return Optional.empty();
        }
        for (Compiled c : routes) {
            Matcher m = c.route().match().matcher(dialledNumber);
            if (!m.find()) {
                continue;
            }
            String room = c.room().expand(m);
            if (!RoomTemplate.isValidRoomName(room)) {
                log.info("route on line {} matched '{}' but gives the invalid room name '{}'; not routed",
                        c.route().line(), dialledNumber, room);
                return Optional.empty();
            }
            return Optional.of(new RoomTarget(room, c.profile(), c.route()));
        }
        return Optional.empty();
    }
}
