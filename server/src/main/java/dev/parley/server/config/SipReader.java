package dev.parley.server.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads {@code sip:}. */
final class SipReader {

    static final List<String> KEYS = Stream.concat(
            Stream.of("address", "port", "transports", "tls-port", "tls-certificate", "tls-private-key"),
            SipDefencesReader.KEYS.stream()).toList();
    private static final List<String> TRANSPORTS = List.of("udp", "tcp", "tls");

    private SipReader() {
    }

    /**
     * @param base values for absent keys; {@code null} when reading the built-in defaults themselves
     * @return the settings, or {@code null} if a problem was recorded
     */
    static SipSettings read(YamlMap m, SipSettings base, Problems problems) {
        return read(m, base, problems, null);
    }

    /**
     * @param baseDir what relative certificate paths are relative to (the config file's directory);
     *                {@code null} = the working directory
     */
    static SipSettings read(YamlMap m, SipSettings base, Problems problems, Path baseDir) {
        if (base == null) {
            m.requireAll(KEYS, Set.of());
        }
        int before = problems.count();
        String address = m.read("address", Values::address);
        Integer port = m.read("port", v -> Values.integer(v, 1, 65535));
        List<String> transports = m.has("transports") ? transports(m, problems) : null;
        Integer tlsPort = m.read("tls-port", v -> Values.integer(v, 1, 65535));
        Path certificate = m.read("tls-certificate", v -> pemFile(v, baseDir));
        Path key = m.read("tls-private-key", v -> pemFile(v, baseDir));
        SipDefences defences = SipDefencesReader.read(m, base == null ? null : base.defences(), problems);
        if (problems.count() > before) {
            return null;
        }
        SipSettings s = new SipSettings(
                address != null ? address : base.address(),
                port != null ? port : base.port(),
                transports != null ? transports.contains("udp") : base.udp(),
                transports != null ? transports.contains("tcp") : base.tcp(),
                transports != null ? transports.contains("tls") : base.tls(),
                tlsPort != null ? tlsPort : base.tlsPort(),
                m.has("tls-certificate") ? nullIfNone(certificate) : base.tlsCertificate(),
                m.has("tls-private-key") ? nullIfNone(key) : base.tlsPrivateKey(),
                defences);
        if ((s.tlsCertificate() == null) != (s.tlsPrivateKey() == null)) {
            String given = s.tlsCertificate() != null ? "tls-certificate" : "tls-private-key";
            String missing = s.tlsCertificate() != null ? "tls-private-key" : "tls-certificate";
            problems.add(m.has(given) ? m.value(given) : m.value(missing), m.field(missing),
                    "missing: " + given + " needs " + missing + " too (or neither, for a self-signed certificate)");
            return null;
        }
        if (s.tls() && s.tcp() && s.tlsPort() == s.port()) {
            String k = m.has("tls-port") ? "tls-port" : "port";
            problems.add(m.value(k), m.field(k), "TLS and TCP cannot share port " + s.port()
                    + "; give tls-port another (5061 is usual)");
            return null;
        }
        return s;
    }

    /** A readable file, or the empty path for none ('' in YAML). */
    private static Path pemFile(String text, Path baseDir) {
        String v = text.strip();
        if (v.isEmpty() || v.equalsIgnoreCase("none")) return NONE;
        Path p;
        try {
            p = Path.of(v);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("not a valid path: " + e.getReason());
        }
        Path resolved = baseDir == null ? p : baseDir.resolve(p);
        if (!Files.isReadable(resolved)) throw new IllegalArgumentException("no readable file " + resolved);
        return p;
    }

    /** Marks an explicit '' (use the self-signed certificate), as opposed to a key left out. */
    private static final Path NONE = Path.of("");

    private static Path nullIfNone(Path p) {
        return p == null || p.equals(NONE) ? null : p;
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
                problems.add(items.get(i), itemField, "unknown transport '" + t + "'; expected udp, tcp or tls");
            } else if (result.contains(t)) {
                problems.add(items.get(i), itemField, "'" + t + "' is listed twice");
            } else {
                result.add(t);
            }
        }
        if (items.isEmpty()) {
            problems.add(node, field, "needs at least one transport: udp, tcp, tls or several");
        }
        return result;
    }
}
