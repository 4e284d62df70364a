package dev.parley.server.routing;

import dev.parley.server.config.ProfileConfig;
import dev.parley.server.config.RouteConfig;
import java.util.Objects;

/**
 * Where a dialled number goes.
 *
 * @param room    the room name, capture groups filled in; valid per
 *                {@link dev.parley.server.config.RoomTemplate#isValidRoomName}
 * @param profile the route's profile with the route's params applied
 * @param route   the rule that matched, for logs ({@link RouteConfig#line()})
 */
public record RoomTarget(String room, ProfileConfig profile, RouteConfig route) {

    public RoomTarget {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(route, "route");
    }
}
