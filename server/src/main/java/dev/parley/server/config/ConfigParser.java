package dev.parley.server.config;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Reads one config text into a {@link ServerConfig}, on top of a base (the built-in defaults) that
 * supplies every absent key. With no base, it reads the built-in defaults themselves, and then every key
 * must be present. Works on SnakeYAML's node tree, whose marks give the line of every key and value.
 * One instance per parse.
 */
final class ConfigParser {

    static final List<String> TOP_KEYS =
            List.of("sip", "media", "storage", "extensions", "gateways", "api", "controls", "profiles", "routes");

    private final String source;
    private final Path baseDir;
    private final ServerConfig base;
    private final Problems problems;

    /**
     * @param source  file name shown in problems
     * @param baseDir directory relative sound paths are resolved against; {@code null} = working directory
     * @param base    values of absent keys; {@code null} to read the built-in defaults
     */
    ConfigParser(String source, Path baseDir, ServerConfig base) {
        this.source = source;
        this.baseDir = baseDir;
        this.base = base;
        this.problems = new Problems(source);
    }

    /** @param configSource what {@link ServerConfig#source()} will say */
    ServerConfig parse(String yaml, String configSource) throws ConfigException {
        Node root = compose(yaml);
        YamlMap top = YamlMap.of(root, "", 1, TOP_KEYS, problems);
        if (base == null) {
            top.requireAll(TOP_KEYS, Set.of("extensions", "gateways"));
        }
        YamlMap sipMap = top.map("sip", SipReader.KEYS);
        YamlMap mediaMap = top.map("media", MediaReader.KEYS);
        SipSettings sip = SipReader.read(sipMap, base == null ? null : base.sip(), problems, baseDir);
        MediaSettings media = MediaReader.read(mediaMap, base == null ? null : base.media(), sip, problems);
        MediaReader.checkPorts(sip, media, sipMap, mediaMap, problems);
        ApiSettings api = ApiReader.read(top.map("api", ApiReader.KEYS), base == null ? null : base.api(), problems);
        StorageSettings storage = StorageReader.read(top.map("storage", StorageReader.KEYS),
                base == null ? null : base.storage(), problems);

        CallingReader calling = new CallingReader(problems);
        Map<String, ExtensionConfig> extensions = calling.extensions(top, base == null ? null : base.extensions());
        Map<String, GatewayConfig> gateways = calling.gateways(top, base == null ? null : base.gateways());
        ControlGroups controls = new ControlsReader(problems).read(top, base == null ? null : base.controls());
        Set<String> profileNames = new HashSet<>();
        Map<String, ProfileConfig> profiles = new ProfileReader(problems, baseDir, controls)
                .read(top, base == null ? null : base.profiles(), profileNames);

        List<RouteConfig> routes;
        if (base != null && !top.hasValue("routes")) {
            routes = base.routes();
        } else if (top.hasValue("routes")) {
            routes = new RouteReader(problems, profileNames).read(top.value("routes"), "routes");
        } else {
            routes = List.of(); // built-in defaults without routes: already reported as missing
        }
        problems.throwIfAny();
        // Storage resolved here, not when read, so that a data-dir inherited from the defaults is relative to this file too.
        return new ServerConfig(sip.resolvedAgainst(baseDir), media.resolvedAgainst(baseDir), storage.resolvedAgainst(baseDir), extensions, gateways, controls, profiles, routes,
                api, configSource);
    }

    private Node compose(String yaml) throws ConfigException {
        String text = yaml.startsWith("\uFEFF") ? yaml.substring(1) : yaml;
        try {
            return new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1
                    : e.getContextMark() != null ? e.getContextMark().getLine() + 1 : 0;
            String what = e.getProblem() != null ? e.getProblem() : e.getContext();
            throw new ConfigException(new ConfigProblem(source, line, "", "invalid YAML: " + what));
        } catch (ReaderException e) {
            // Unmarked: a character YAML does not allow (found by ConfigLoaderFuzzTest). Its position is an index.
            throw new ConfigException(new ConfigProblem(source, lineAt(text, e.getPosition()), "",
                    "invalid YAML: character " + String.format("U+%04X", e.getCodePoint()) + " is not allowed"));
        } catch (YAMLException e) {
            throw new ConfigException(new ConfigProblem(source, 1, "", "invalid YAML: " + e.getMessage()));
        }
    }

    /** The 1-based line of the {@code index}th code point of {@code text}. */
    private static int lineAt(String text, int index) {
        int line = 1;
        int end = text.offsetByCodePoints(0, Math.min(Math.max(index, 0), text.codePointCount(0, text.length())));
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
