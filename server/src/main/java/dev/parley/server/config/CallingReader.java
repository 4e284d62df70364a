package dev.parley.server.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads {@code extensions:} and {@code gateways:}, the two ends Parley calls out to. */
final class CallingReader {

    static final List<String> EXTENSION_KEYS = List.of("password", "name", "conference-pin", "conference-end-on-exit",
            "conference-announce-caller-name");
    static final List<String> GATEWAY_KEYS =
            List.of("address", "port", "transport", "username", "password", "register", "caller-id", "prefixes");

    private final Problems problems;

    CallingReader(Problems problems) {
        this.problems = problems;
    }

    /** A section in the file replaces the base's as a whole (like routes). */
    Map<String, ExtensionConfig> extensions(YamlMap top, Map<String, ExtensionConfig> base) {
        if (!top.has("extensions")) return base == null ? Map.of() : base;
        Map<String, ExtensionConfig> result = new LinkedHashMap<>();
        YamlMap section = top.map("extensions", null);
        for (String number : section.keys()) {
            if (!number.matches("\\d{1,16}")) {
                problems.add(section.keyNode(number), section.field(number), "an extension number is 1 to 16 digits");
                continue;
            }
            YamlMap m = section.map(number, EXTENSION_KEYS);
            String password = m.read("password", CallingReader::password);
            if (!m.has("password")) problems.add(m.line(), m.field("password"), "missing; every extension needs a password");
            String name = m.read("name", v -> v);
            String pin = m.read("conference-pin", CallingReader::pin);
            Boolean endOnExit = m.read("conference-end-on-exit", Values::bool);
            Boolean announce = m.read("conference-announce-caller-name", Values::bool);
            var adhoc = new ExtensionConfig.AdhocOptions("none".equals(pin) ? null : pin, Boolean.TRUE.equals(endOnExit),
                    Boolean.TRUE.equals(announce));
            if (password != null) result.put(number, new ExtensionConfig(number, password, name, adhoc));
        }
        return result;
    }

    Map<String, GatewayConfig> gateways(YamlMap top, Map<String, GatewayConfig> base) {
        if (!top.has("gateways")) return base == null ? Map.of() : base;
        Map<String, GatewayConfig> result = new LinkedHashMap<>();
        YamlMap section = top.map("gateways", null);
        for (String name : section.keys()) {
            if (!name.matches("[A-Za-z0-9_-]{1,64}")) {
                problems.add(section.keyNode(name), section.field(name), "gateway names are 1 to 64 letters, digits, _ or -");
                continue;
            }
            YamlMap m = section.map(name, GATEWAY_KEYS);
            int before = problems.count();
            String address = m.read("address", Values::address);
            if (!m.has("address")) problems.add(m.line(), m.field("address"), "missing; where is the trunk?");
            Integer port = m.read("port", v -> Values.integer(v, 1, 65535));
            String transport = m.read("transport", CallingReader::transport);
            String user = m.read("username", v -> v);
            String password = m.read("password", CallingReader::password);
            Boolean register = m.read("register", Values::bool);
            String callerId = m.read("caller-id", CallingReader::number);
            List<String> prefixes = m.has("prefixes") ? prefixes(m) : List.of();
            if (Boolean.TRUE.equals(register) && (user == null || password == null)) {
                problems.add(m.value("register"), m.field("register"), "needs username and password");
            }
            if (problems.count() > before) continue;
            result.put(name, new GatewayConfig(name, address, port == null ? 5060 : port, transport == null ? "udp" : transport,
                    user, password, Boolean.TRUE.equals(register), callerId, prefixes));
        }
        return result;
    }

    private List<String> prefixes(YamlMap m) {
        Node node = m.value("prefixes");
        List<Node> items = node instanceof SequenceNode seq ? seq.getValue() : List.of(node);
        List<String> result = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String field = m.field("prefixes") + (node instanceof SequenceNode ? "[" + i + "]" : "");
            String p = YamlMap.scalar(items.get(i), field, problems);
            if (p == null) continue;
            if (!p.matches("\\+?\\d{0,16}")) problems.add(items.get(i), field, "a prefix is digits, optionally after +");
            else result.add(p);
        }
        return result;
    }

    private static String password(String v) {
        if (v.isEmpty()) throw new IllegalArgumentException("an empty password is not a password");
        return v;
    }

    private static String pin(String v) {
        if (!v.equals("none") && !v.matches("\\d{1,16}")) throw new IllegalArgumentException("a PIN is 1 to 16 digits (or none), got '" + v + "'");
        return v;
    }

    private static String transport(String v) {
        if (!v.equals("udp") && !v.equals("tcp")) throw new IllegalArgumentException("expected udp or tcp, got '" + v + "'");
        return v;
    }

    private static String number(String v) {
        if (!v.matches("\\+?\\d{1,20}")) throw new IllegalArgumentException("a caller ID number is digits, optionally after +");
        return v;
    }
}
