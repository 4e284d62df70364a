package dev.parley.server.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads the defence keys of {@code sip:} (rate-limit, rate-burst, retry-after, refuse-user-agents). */
final class SipDefencesReader {

    static final List<String> KEYS = List.of("rate-limit", "rate-burst", "retry-after", "refuse-user-agents");

    private SipDefencesReader() {
    }

    /** @return the defences, or {@code null} if a problem was recorded */
    static SipDefences read(YamlMap m, SipDefences base, Problems problems) {
        int before = problems.count();
        Integer rate = m.read("rate-limit", v -> Values.integer(v, 0, 1_000_000));
        Integer burst = m.read("rate-burst", v -> Values.integer(v, 1, 1_000_000));
        Duration retryAfter = m.read("retry-after", v -> Values.duration(v, Duration.ofSeconds(1), Duration.ofHours(1)));
        List<String> agents = m.has("refuse-user-agents") ? agents(m, problems) : null;
        if (problems.count() > before) {
            return null;
        }
        return new SipDefences(
                rate != null ? rate : base.rateLimit(),
                burst != null ? burst : base.rateBurst(),
                retryAfter != null ? retryAfter : base.retryAfter(),
                agents != null ? agents : base.refuseUserAgents());
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
