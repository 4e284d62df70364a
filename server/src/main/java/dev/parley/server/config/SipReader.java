package dev.parley.server.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads {@code sip:}. */
final class SipReader {

    static final List<String> KEYS = Stream.concat(Stream.of("address", "port", "transports"),
            SipDefencesReader.KEYS.stream()).toList();
    private static final List<String> TRANSPORTS = List.of("udp", "tcp");

    private SipReader() {
    }

    /**
     * @param base values for absent keys; {@code null} when reading the built-in defaults themselves
     * @return the settings, or {@code null} if a problem was recorded
     */
    static SipSettings read(YamlMap m, SipSettings base, Problems problems) {
        if (base == null) {
            m.requireAll(KEYS, Set.of());
        }
        int before = problems.count();
        String address = m.read("address", Values::address);
        Integer port = m.read("port", v -> Values.integer(v, 1, 65535));
        List<String> transports = m.has("transports") ? transports(m, problems) : null;
        SipDefences defences = SipDefencesReader.read(m, base == null ? null : base.defences(), problems);
        if (problems.count() > before) {
            return null;
        }
        return new SipSettings(
                address != null ? address : base.address(),
                port != null ? port : base.port(),
                transports != null ? transports.contains("udp") : base.udp(),
                transports != null ? transports.contains("tcp") : base.tcp(),
                defences);
    }

    /** A list such as {@code [udp, tcp]}; a single word is taken as a list of one. */
    private static List<String> transports(YamlMap m, Problems problems) {
        Node node = m.value("transports");
        String field = m.field("transports");
        List<Node> items = node instanceof SequenceNode seq ? seq.getValue() : List.of(node);
        List<String> result = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String itemField = node instanceof SequenceNode ? field + "[" + i + "]" : field;
            String t = YamlMap.scalar(items.get(i), itemField, problems);
            if (t == null) {
                continue;
            }
            if (!TRANSPORTS.contains(t)) {
                problems.add(items.get(i), itemField, "unknown transport '" + t + "'; expected udp or tcp");
            } else if (result.contains(t)) {
                problems.add(items.get(i), itemField, "'" + t + "' is listed twice");
            } else {
                result.add(t);
            }
        }
        if (items.isEmpty()) {
            problems.add(node, field, "needs at least one transport: udp, tcp or both");
        }
        return result;
    }
}
