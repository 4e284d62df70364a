package dev.parley.server.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads {@code routes:}. A route is a mapping ({@code match}, {@code room}, {@code profile}, {@code params})
 * or a string in Yate's regexroute form {@code REGEX = conf/ROOM;key=value;...}.
 */
final class RouteReader {

    static final List<String> KEYS = List.of("match", "room", "profile", "params", "ask");
    static final List<String> ASK_KEYS = List.of("url", "timeout", "fallback", "headers", "secret");

    /** Splits a Yate-form route: the first {@code =} followed by {@code conf/}, so a regex may hold {@code =}. */
    private static final Pattern YATE_ARROW = Pattern.compile("\\s*=\\s*conf/");
    private static final Pattern YATE_GROUP = Pattern.compile("\\\\(\\d)");

    private final Problems problems;
    private final Set<String> profileNames;

    /** The parts of one route as written, each with the node its problems are reported at. */
    private record Draft(String index, int line, String match, Node matchAt, String room, Node roomAt,
                         String profile, Node profileAt, Map<String, String> params, Map<String, Node> paramsAt,
                         RouteAsk ask) {
    }

    RouteReader(Problems problems, Set<String> profileNames) {
        this.problems = problems;
        this.profileNames = profileNames;
    }

    List<RouteConfig> read(Node node, String field) {
        if (!(node instanceof SequenceNode seq)) {
            problems.add(node, field, "expected a list of routes, got " + YamlMap.describe(node));
            return List.of();
        }
        List<RouteConfig> routes = new ArrayList<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            Node item = seq.getValue().get(i);
            String index = field + "[" + i + "]";
            Draft draft = switch (item) {
                case MappingNode m -> mapping(m, index);
                case ScalarNode s when !YamlMap.isNull(s) -> yate(s, index);
                default -> {
                    problems.add(item, index, "expected a route (match:/room: lines, or 'REGEX = conf/ROOM'), got "
                            + YamlMap.describe(item));
                    yield null;
                }
            };
            RouteConfig route = draft == null ? null : build(draft);
            if (route != null) {
                routes.add(route);
            }
        }
        return routes;
    }

    private Draft mapping(MappingNode node, String index) {
        int before = problems.count();
        YamlMap m = YamlMap.of(node, index, Problems.line(node), KEYS, problems);
        for (String key : List.of("match", "room")) {
            if (!m.has(key)) {
                problems.add(m.line(), m.field(key), "missing; every route needs match and room");
            }
        }
        String match = m.read("match", v -> v);
        String room = m.read("room", v -> v);
        String profile = m.read("profile", v -> v);
        Map<String, String> params = new LinkedHashMap<>();
        Map<String, Node> paramsAt = new LinkedHashMap<>();
        YamlMap p = m.map("params", null);
        for (String key : p.keys()) {
            String value = p.read(key, v -> v);
            if (value != null) {
                params.put(key, value);
                paramsAt.put(key, p.value(key));
            }
        }
        RouteAsk ask = m.has("ask") ? ask(m.map("ask", ASK_KEYS), Problems.line(m.keyNode("ask"))) : null;
        if (problems.count() > before) {
            return null;
        }
        return new Draft(index, m.line(), match, m.value("match"), room, m.value("room"),
                profile == null ? ProfileReader.DEFAULT : profile, m.value("profile"), params, paramsAt, ask);
    }

    /** {@code ask: { url: ..., timeout: 2s, fallback: room|reject, headers: 'X-Account, User-Agent', secret: ... }}. */
    private RouteAsk ask(YamlMap a, int askLine) {
        if (!a.has("url")) {
            problems.add(askLine, a.field("url"), "missing; a routing webhook needs the URL to ask");
            return null;
        }
        java.net.URI url = a.read("url", ApiReader::url);
        java.time.Duration timeout = a.has("timeout")
                ? a.read("timeout", v -> Values.duration(v, java.time.Duration.ofMillis(100), java.time.Duration.ofSeconds(30)))
                : RouteAsk.DEFAULT_TIMEOUT;
        RouteAsk.Fallback fallback = a.has("fallback") ? a.read("fallback", RouteAsk.Fallback::parse) : RouteAsk.Fallback.ROOM;
        List<String> headers = a.has("headers") ? a.read("headers", RouteReader::headerNames) : List.of();
        // The same rule as an event webhook's secret: a short key is guessable.
        String secret = a.has("secret") ? a.read("secret", ApiReader::secret) : null;
        if (url == null || timeout == null || fallback == null || headers == null || (a.has("secret") && secret == null)) {
            return null;
        }
        return new RouteAsk(url, timeout, fallback, headers, secret);
    }

    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");

    /** A comma-separated list of SIP header names (RFC 3261 §25.1 tokens). */
    static List<String> headerNames(String text) {
        List<String> names = new ArrayList<>();
        for (String part : text.split(",")) {
            String n = part.strip();
            if (n.isEmpty()) continue;
            if (!HEADER_NAME.matcher(n).matches()) {
                throw new IllegalArgumentException("'" + n + "' is not a SIP header name");
            }
            names.add(n);
        }
        return List.copyOf(names);
    }

    /** {@code ^800$ = conf/sampleroom;lonely=true;maxusers=200}; {@code \1} in the room means {@code $1}. */
    private Draft yate(ScalarNode node, String index) {
        String text = node.getValue();
        Matcher arrow = YATE_ARROW.matcher(text);
        if (!arrow.find()) {
            problems.add(node, index, "expected 'REGEX = conf/ROOM;key=value;...' (Yate regexroute form)"
                    + " or a mapping with match and room");
            return null;
        }
        String[] target = text.substring(arrow.end()).strip().split(";", -1);
        String room = YATE_GROUP.matcher(target[0].strip()).replaceAll("\\$$1");
        String profile = ProfileReader.DEFAULT;
        Map<String, String> params = new LinkedHashMap<>();
        Map<String, Node> paramsAt = new LinkedHashMap<>();
        for (int i = 1; i < target.length; i++) {
            String param = target[i].strip();
            if (param.isEmpty()) {
                continue;
            }
            int eq = param.indexOf('=');
            if (eq <= 0) {
                problems.add(node, index + ".params", "'" + param + "' is not key=value");
                continue;
            }
            String key = param.substring(0, eq).strip();
            String value = param.substring(eq + 1).strip();
            if (key.equals("profile")) {
                profile = value;
            } else if (params.putIfAbsent(key, value) != null) {
                problems.add(node, index + ".params." + key, "given twice");
            } else {
                paramsAt.put(key, node);
            }
        }
        return new Draft(index, Problems.line(node), text.substring(0, arrow.start()).strip(), node,
                room, node, profile, node, params, paramsAt, null);
    }

    /** Checks what both forms have in common; {@code null} if there was a problem. */
    private RouteConfig build(Draft d) {
        int before = problems.count();
        Pattern pattern = null;
        if (d.match().isEmpty()) {
            problems.add(d.matchAt(), d.index() + ".match", "empty regex; write '.*' to match every number");
        } else {
            try {
                pattern = Pattern.compile(d.match());
            } catch (PatternSyntaxException e) {
                problems.add(d.matchAt(), d.index() + ".match", "not a valid regular expression: " + e.getDescription()
                        + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""));
            }
        }
        if (pattern != null) {
            try {
                RoomTemplate.parse(d.room(), pattern);
            } catch (IllegalArgumentException e) {
                problems.add(d.roomAt(), d.index() + ".room", e.getMessage());
            }
        }
        if (!profileNames.contains(d.profile())) {
            problems.add(d.profileAt() != null ? Problems.line(d.profileAt()) : d.line(), d.index() + ".profile",
                    "no profile named '" + d.profile() + "'; profiles are " + String.join(", ", new TreeSet<>(profileNames)));
        }
        Map<String, String> params = new LinkedHashMap<>();
        ProfileBuilder scratch = new ProfileBuilder();
        for (Map.Entry<String, String> e : d.params().entrySet()) {
            String field = d.index() + ".params." + e.getKey();
            try {
                RouteParams.applyOne(scratch, e.getKey(), e.getValue());
            } catch (IllegalArgumentException ex) {
                problems.add(d.paramsAt().get(e.getKey()), field, ex.getMessage());
                continue;
            }
            String name = RouteParams.canonical(e.getKey());
            if (params.putIfAbsent(name, e.getValue()) != null) {
                problems.add(d.paramsAt().get(e.getKey()), field, "sets " + name + " a second time");
            }
        }
        if (problems.count() > before) {
            return null;
        }
        return new RouteConfig(pattern, d.room(), d.profile(), params, d.line(), d.ask());
    }
}
