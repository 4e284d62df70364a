package dev.parley.server.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads the defence keys of {@code sip:} (rate limits, refused user agents, digest algorithms). */
final class SipDefencesReader {

    static final List<String> KEYS = List.of("rate-limit", "rate-burst", "retry-after", "refuse-user-agents",
            "digest-algorithms");

    private SipDefencesReader() {
    }

    /** @return the defences, or {@code null} if a problem was recorded */
    static SipDefences read(YamlMap m, SipDefences base, Problems problems) {
        int before = problems.count();
        Integer rate = m.read("rate-limit", v -> Values.integer(v, 0, 1_000_000));
        Integer burst = m.read("rate-burst", v -> Values.integer(v, 1, 1_000_000));
        Duration retryAfter = m.read("retry-after", v -> Values.duration(v, Duration.ofSeconds(1), Duration.ofHours(1)));
        List<String> agents = m.has("refuse-user-agents") ? agents(m, problems) : null;
        List<String> algorithms = m.has("digest-algorithms") ? algorithms(m, problems) : null;
        if (problems.count() > before) {
            return null;
        }
        return new SipDefences(
                rate != null ? rate : base.rateLimit(),
                burst != null ? burst : base.rateBurst(),
                retryAfter != null ? retryAfter : base.retryAfter(),
                agents != null ? agents : base.refuseUserAgents(),
                algorithms != null ? algorithms : base.digestAlgorithms());
    }

    /** The digest algorithms we know, as their RFC 7616 tokens. */
    private static final List<String> ALGORITHMS = List.of("MD5", "SHA-256");

    /** One or more of MD5 and SHA-256, each once, as tokens in upper case. */
    private static List<String> algorithms(YamlMap m, Problems problems) {
        Node node = m.value("digest-algorithms");
        String field = m.field("digest-algorithms");
        if (!(node instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            problems.add(node, field, "expected a list of one or more of MD5, SHA-256, e.g. [MD5]");
            return List.of();
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            Node item = seq.getValue().get(i);
            String name = YamlMap.scalar(item, field + "[" + i + "]", problems);
            if (name == null) {
                continue;
            }
            String a = name.strip().toUpperCase(Locale.ROOT);
            if (!ALGORITHMS.contains(a)) {
                problems.add(item, field + "[" + i + "]", "unknown digest algorithm '" + name + "': MD5 or SHA-256");
            } else if (result.contains(a)) {
                problems.add(item, field + "[" + i + "]", a + " is listed twice");
            } else {
                result.add(a);
            }
        }
        return result;
    }

    /** A list of non-blank words; {@code []} (or null) refuses none. */
    private static List<String> agents(YamlMap m, Problems problems) {
        Node node = m.value("refuse-user-agents");
        String field = m.field("refuse-user-agents");
        if (YamlMap.isNull(node)) {
            return List.of();
        }
        if (!(node instanceof SequenceNode seq)) {
            problems.add(node, field, "expected a list of user agents, e.g. [friendly-scanner, sipvicious]");
            return List.of();
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            Node item = seq.getValue().get(i);
            String agent = YamlMap.scalar(item, field + "[" + i + "]", problems);
            if (agent == null) {
                continue;
            }
            if (agent.isBlank()) {
                problems.add(item, field + "[" + i + "]", "is blank: it would refuse every user agent");
            } else {
                result.add(agent.strip());
            }
        }
        return result;
    }
}
