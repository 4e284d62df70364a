package dev.parley.server.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The named control groups of {@code controls:}: each maps digit sequences to actions. Profiles say
 * which group every member gets and which one moderators get on top.
 */
public record ControlGroups(Map<String, List<ControlBinding>> groups) {

    public ControlGroups {
        Map<String, List<ControlBinding>> copy = new LinkedHashMap<>();
        groups.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        groups = Collections.unmodifiableMap(copy);
    }

    /** The group's bindings; an unknown or absent name is an empty group. */
    public List<ControlBinding> group(String name) {
        return name == null ? List.of() : groups.getOrDefault(name, List.of());
    }

    public boolean has(String name) {
        return groups.containsKey(name);
    }
}
