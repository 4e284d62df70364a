package dev.parley.server.config;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML mapping seen as one section of the config: it knows its dotted path, reports unknown and
 * duplicate keys when built, and turns parse failures of its values into located problems.
 * An absent or null section reads as an empty one.
 */
final class YamlMap {

    private final String path;
    private final int line;
    private final Problems problems;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    private YamlMap(String path, int line, Problems problems) {
        this.path = path;
        this.line = line;
        this.problems = problems;
    }

    /**
     * @param allowed the keys this section may hold, in documentation order; {@code null} allows any key
     *                (profile names, route params)
     */
    static YamlMap of(Node node, String path, int parentLine, List<String> allowed, Problems problems) {
        if (node == null || isNull(node)) {
            return new YamlMap(path, node == null ? parentLine : Problems.line(node), problems);
        }
        YamlMap map = new YamlMap(path, Problems.line(node), problems);
        if (!(node instanceof MappingNode mapping)) {
            problems.add(node, path, "expected a mapping (key: value lines), got " + describe(node));
            return map;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (keyNode.getTag().equals(Tag.MERGE)) {
                problems.add(keyNode, path, "YAML merge keys (<<) are not supported; write the keys out");
                continue;
            }
            if (!(keyNode instanceof ScalarNode scalar) || isNull(keyNode)) {
                problems.add(keyNode, path, "expected a plain key, got " + describe(keyNode));
                continue;
            }
            String key = scalar.getValue();
            String field = map.field(key);
            NodeTuple first = map.entries.get(key);
            if (first != null) {
                problems.add(keyNode, field, "duplicate key (first given on line " + Problems.line(first.getKeyNode()) + ")");
            } else if (allowed != null && !allowed.contains(key)) {
                problems.add(keyNode, field, "unknown key; " + Suggestions.hint(key, allowed));
            } else {
                map.entries.put(key, tuple);
            }
        }
        return map;
    }

    static boolean isNull(Node node) {
        return node.getTag().equals(Tag.NULL);
    }

    static String describe(Node node) {
        return switch (node) {
            case MappingNode m -> "a mapping";
            case SequenceNode s -> "a list";
            case ScalarNode s when isNull(s) -> "nothing";
            case ScalarNode s -> "'" + s.getValue() + "'";
            default -> "a " + node.getNodeId();
        };
    }

    /** The dotted path of a key of this section, e.g. {@code profiles.default.energy-level}. */
    String field(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    String path() {
        return path;
    }

    /** 1-based line of the section, or of its parent key when the section is absent. */
    int line() {
        return line;
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    /** Present with a value other than null ({@code ~} or nothing). */
    boolean hasValue(String key) {
        return has(key) && !isNull(value(key));
    }

    Collection<String> keys() {
        return entries.keySet();
    }

    Node value(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? null : t.getValueNode();
    }

    Node keyNode(String key) {
        return entries.get(key).getKeyNode();
    }

    /** A nested section; empty when absent or null. */
    YamlMap map(String key, List<String> allowed) {
        int parentLine = has(key) ? Problems.line(keyNode(key)) : line;
        return of(value(key), field(key), parentLine, allowed, problems);
    }

    /** For the built-in defaults file, which must spell out every key. */
    void requireAll(Collection<String> keys, Set<String> optional) {
        for (String key : keys) {
            if (!has(key) && !optional.contains(key)) {
                problems.add(line, field(key), "missing; the built-in defaults must set every key");
            }
        }
    }

    /**
     * Parses a scalar value. Absent gives {@code null}; a failure is recorded against the value's line and
     * also gives {@code null}.
     */
    <T> T read(String key, Function<String, T> parser) {
        if (!has(key)) {
            return null;
        }
        Node node = value(key);
        String text = scalar(node, field(key), problems);
        if (text == null) {
            return null;
        }
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            problems.add(node, field(key), e.getMessage());
            return null;
        }
    }

    /** As {@link #read}, for parsers that store their result themselves. */
    void apply(String key, Consumer<String> parser) {
        read(key, text -> {
            parser.accept(text);
            return Boolean.TRUE;
        });
    }

    /** The text of a scalar, or {@code null} after recording why the node is not one. */
    static String scalar(Node node, String field, Problems problems) {
        if (node instanceof ScalarNode s && !isNull(s)) {
            return s.getValue();
        }
        problems.add(node, field, isNull(node) ? "missing value" : "expected a single value, got " + describe(node));
        return null;
    }
}
