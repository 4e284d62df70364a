package dev.parley.server.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads {@code api:} and its {@code webhooks:} list. */
final class ApiReader {

    static final List<String> KEYS = List.of("enabled", "address", "port", "data-dir", "webhooks");
    static final List<String> WEBHOOK_KEYS = List.of("url", "secret", "rooms", "events");

    /** A shorter HMAC key is guessable; RFC 2104 §3 recommends at least the hash's output length. */
    static final int MIN_SECRET_LENGTH = 16;
    private static final Pattern EVENT_TYPE = Pattern.compile("[a-z]+(\\.[a-z]+)*(\\.\\*)?|\\*");

    private ApiReader() {
    }

    /**
     * @param base values for absent keys; {@code null} when reading the built-in defaults themselves
     * @return the settings, or {@code null} if a problem was recorded
     */
    static ApiSettings read(YamlMap m, ApiSettings base, Problems problems) {
        if (base == null) {
            m.requireAll(KEYS, Set.of());
        }
        int before = problems.count();
        Boolean enabled = m.read("enabled", Values::bool);
        String address = m.read("address", Values::address);
        Integer port = m.read("port", v -> Values.integer(v, 1, 65535));
        Path dataDir = m.read("data-dir", ApiReader::path);
        List<WebhookConfig> webhooks = m.has("webhooks") ? webhooks(m, problems) : null;
        if (problems.count() > before) {
            return null;
        }
        return new ApiSettings(
                enabled != null ? enabled : base.enabled(),
                address != null ? address : base.address(),
                port != null ? port : base.port(),
                dataDir != null ? dataDir : base.dataDir(),
                webhooks != null ? webhooks : base.webhooks());
    }

    private static List<WebhookConfig> webhooks(YamlMap m, Problems problems) {
        Node node = m.value("webhooks");
        String field = m.field("webhooks");
        if (YamlMap.isNull(node)) {
            return List.of();
        }
        if (!(node instanceof SequenceNode seq)) {
            problems.add(node, field, "expected a list of webhooks (url:/secret: lines), got " + YamlMap.describe(node));
            return List.of();
        }
        List<WebhookConfig> result = new ArrayList<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            Node item = seq.getValue().get(i);
            YamlMap w = YamlMap.of(item, field + "[" + i + "]", Problems.line(item), WEBHOOK_KEYS, problems);
            int before = problems.count();
            for (String required : List.of("url", "secret")) {
                if (!w.has(required)) {
                    problems.add(w.line(), w.field(required), "missing; every webhook needs a url and a secret");
                }
            }
            URI url = w.read("url", ApiReader::url);
            String secret = w.read("secret", ApiReader::secret);
            Pattern rooms = w.read("rooms", ApiReader::regex);
            List<String> events = w.has("events") ? eventTypes(w, problems) : List.of();
            if (problems.count() == before) {
                result.add(new WebhookConfig(url, secret, rooms, events));
            }
        }
        return result;
    }

    private static List<String> eventTypes(YamlMap w, Problems problems) {
        Node node = w.value("events");
        String field = w.field("events");
        List<Node> items = node instanceof SequenceNode seq ? seq.getValue() : List.of(node);
        List<String> types = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String itemField = node instanceof SequenceNode ? field + "[" + i + "]" : field;
            String t = YamlMap.scalar(items.get(i), itemField, problems);
            if (t == null) {
                continue;
            }
            if (!EVENT_TYPE.matcher(t).matches()) {
                problems.add(items.get(i), itemField,
                        "expected an event type such as member.joined, a prefix such as member.*, or *; got '" + t + "'");
            } else if (!t.equals("*")) {
                types.add(t);
            } else {
                return List.of(); // * is every type, as is an absent list
            }
        }
        return types;
    }

    static URI url(String text) {
        try {
            URI u = new URI(text.strip());
            if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
                throw new IllegalArgumentException("expected an http:// or https:// URL with a host, got '" + text + "'");
            }
            return u;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + e.getMessage());
        }
    }

    static String secret(String text) {
        if (text.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("must be at least " + MIN_SECRET_LENGTH + " characters, got " + text.length());
        }
        return text;
    }

    static Pattern regex(String text) {
        try {
            return Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("not a valid regular expression: " + e.getDescription());
        }
    }

    static Path path(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("expected a directory path, got nothing");
        }
        try {
            return Path.of(text.strip());
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("not a valid path: " + e.getMessage());
        }
    }
}
