package dev.parley.server.config;

import java.util.List;
import java.util.Map;

/** Route params: profile fields a single route overrides, plus Yate's spelling {@code maxusers}. */
final class RouteParams {

    private RouteParams() {
    }

    /** The canonical name of a param, or {@code null} if a route may not set it. */
    static String canonical(String key) {
        if (key.equals("maxusers")) {
            return ProfileField.MAX_MEMBERS.key();
        }
        return ProfileField.ROUTE_PARAMS.contains(key) ? key : null;
    }

    static List<String> names() {
        return ProfileField.ROUTE_PARAMS;
    }

    /** Parses one param into the builder; the message names the problem, not the param. */
    static void applyOne(ProfileBuilder b, String key, String value) {
        String name = canonical(key);
        if (name == null) {
            throw new IllegalArgumentException("unknown route param; " + Suggestions.hint(key, names()));
        }
        ProfileField.byKey(name).apply(b, value);
    }

    static ProfileConfig apply(ProfileConfig profile, Map<String, String> params) {
        ProfileBuilder b = ProfileBuilder.from(profile);
        params.forEach((key, value) -> {
            try {
                applyOne(b, key, value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("route param " + key + ": " + e.getMessage(), e);
            }
        });
        return b.build();
    }
}
