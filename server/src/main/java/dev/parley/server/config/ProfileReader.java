package dev.parley.server.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/** Reads {@code profiles:}. */
final class ProfileReader {

    static final String DEFAULT = "default";
    static final List<String> KEYS;
    static final List<String> SOUND_KEYS = Sounds.KEYS;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    static {
        List<String> keys = new ArrayList<>();
        for (ProfileField f : ProfileField.values()) {
            keys.add(f.key());
        }
        keys.add("sounds");
        KEYS = List.copyOf(keys);
    }

    private final Problems problems;
    private final Path baseDir;
    private final ControlGroups controls;

    ProfileReader(Problems problems, Path baseDir, ControlGroups controls) {
        this.problems = problems;
        this.baseDir = baseDir;
        this.controls = controls;
    }

    /**
     * @param base the profiles used when the file has none; its {@code default} profile supplies the
     *             absent keys of every profile. {@code null} when reading the built-in defaults themselves.
     * @param names receives every profile name declared, valid or not, so routes are not reported twice
     */
    Map<String, ProfileConfig> read(YamlMap top, Map<String, ProfileConfig> base, Set<String> names) {
        Map<String, ProfileConfig> result = new LinkedHashMap<>();
        if (base != null && !top.hasValue("profiles")) {
            result.putAll(base);
            names.addAll(base.keySet());
            return result;
        }
        YamlMap profiles = top.map("profiles", null);
        ProfileConfig template = base == null ? null : base.get(DEFAULT);
        if (template != null && !profiles.has(DEFAULT)) {
            result.put(DEFAULT, template);
            names.add(DEFAULT);
        }
        if (base == null && !profiles.has(DEFAULT)) {
            problems.add(profiles.line(), profiles.field(DEFAULT), "missing; the built-in defaults must define it");
        }
        for (String name : profiles.keys()) {
            names.add(name);
            if (!NAME.matcher(name).matches()) {
                problems.add(profiles.keyNode(name), profiles.field(name),
                        "profile names are 1 to 64 letters, digits, _ or -");
                continue;
            }
            ProfileConfig p = profile(name, profiles.map(name, KEYS), template);
            if (p != null) {
                result.put(name, p);
            }
        }
        return result;
    }

    private ProfileConfig profile(String name, YamlMap m, ProfileConfig template) {
        if (template == null) {
            m.requireAll(KEYS, Set.of());
        }
        int before = problems.count();
        ProfileBuilder b = template == null ? new ProfileBuilder() : ProfileBuilder.from(template);
        b.name = name;
        for (ProfileField f : ProfileField.values()) {
            m.apply(f.key(), v -> f.apply(b, v));
        }
        checkWarning(m, b);
        checkGroup(m, ProfileField.CONTROLS.key(), b.controls);
        checkGroup(m, ProfileField.MODERATOR_CONTROLS.key(), b.moderatorControls);
        if (m.has("sounds")) {
            b.sounds = sounds(m.map("sounds", SOUND_KEYS), template == null ? null : template.sounds());
        }
        return problems.count() > before ? null : b.build();
    }

    /** A warning at or before the start would never be heard as one: say so rather than ignore it. */
    private void checkWarning(YamlMap m, ProfileBuilder b) {
        String key = ProfileField.WARN_BEFORE.key();
        if (!m.has(key) || b.maxDuration == null || b.warnBefore == null) return;
        if (b.maxDuration.isPositive() && b.warnBefore.compareTo(b.maxDuration) >= 0) {
            problems.add(m.keyNode(key), m.field(key), "must be shorter than max-duration ("
                    + Values.format(b.maxDuration) + "), got " + Values.format(b.warnBefore));
        }
    }

    private void checkGroup(YamlMap m, String key, String group) {
        if (group != null && m.has(key) && !controls.has(group)) {
            problems.add(m.value(key), m.field(key), "no control group '" + group + "' under controls; "
                    + Suggestions.hint(group, List.copyOf(controls.groups().keySet())));
        }
    }

    private Sounds sounds(YamlMap m, Sounds base) {
        if (base == null) {
            m.requireAll(SOUND_KEYS, Set.of());
        }
        String[] values = base == null ? new String[SOUND_KEYS.size()] : base.toArray();
        for (int i = 0; i < SOUND_KEYS.size(); i++) {
            String key = SOUND_KEYS.get(i);
            Node node = m.value(key);
            if (node == null) {
                continue;
            }
            if (YamlMap.isNull(node)) {
                values[i] = null; // written as ~ or left empty: no prompt
                continue;
            }
            int index = i;
            m.apply(key, v -> values[index] = SoundResolver.resolve(v, baseDir));
        }
        return Sounds.of(values);
    }
}
