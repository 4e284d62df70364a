package dev.parley.server.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads {@code controls:}: group name to a mapping of digit sequence to action. */
final class ControlsReader {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final Problems problems;

    ControlsReader(Problems problems) {
        this.problems = problems;
    }

    /** A {@code controls:} section replaces the groups of the same name in {@code base}; others stay. */
    ControlGroups read(YamlMap top, ControlGroups base) {
        Map<String, List<ControlBinding>> groups = new LinkedHashMap<>();
        if (base != null) groups.putAll(base.groups());
        if (!top.hasValue("controls")) return new ControlGroups(groups);
        YamlMap controls = top.map("controls", null);
        for (String name : controls.keys()) {
            if (!NAME.matcher(name).matches()) {
                problems.add(controls.keyNode(name), controls.field(name),
                        "control group names are 1 to 64 letters, digits, _ or -");
                continue;
            }
            YamlMap group = controls.map(name, null);
            List<ControlBinding> bindings = new ArrayList<>();
            for (String sequence : group.keys()) {
                if (!ControlBinding.isValidSequence(sequence)) {
                    problems.add(group.keyNode(sequence), group.field(sequence),
                            "a digit sequence is 1 to 16 of 0-9 * # A-D (quote it: '*1')");
                    continue;
                }
                ControlBinding.Target target = group.read(sequence, ControlAction::parse);
                if (target != null) bindings.add(new ControlBinding(sequence, target));
            }
            groups.put(name, bindings);
        }
        return new ControlGroups(groups);
    }
}
