package dev.parley.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Parley YAML config for one test: SIP on 127.0.0.1:{@code sipPort} (UDP and TCP), RTP
 * 20000-20999, one route {@code ^3000$} to room 3000 with profile {@code default}.
 *
 * <p>Defaults: rate 8000, interval 20 ms, energy-level 100, no member limit, lonely on, the built-in
 * sounds, rtp-timeout 30 s. Change them with the {@code with*} methods and write the file with
 * {@link #writeTo(Path)}. {@link #withoutSounds()} writes {@code sounds: {}} so the mix carries
 * only what the members send.
 *
 * <p>The HTTP API is off unless {@link #withApiPort(int)} turns it on, so tests that do not use it
 * never compete for its port; its token is then generated into {@link #API_TOKEN_FILE} beside the
 * server's log. Webhooks are added with {@link #withWebhook}.
 */
public record TestConfig(int sipPort, Duration rtpTimeout, int maxMembers, boolean lonely, int energyLevel,
                         Map<String, String> sounds, String room, Map<String, String> profileKeys,
                         java.util.List<String> extraRoutes, String extraTopLevel, int apiPort,
                         java.util.List<Webhook> webhooks) {

    /** Where the server writes its generated API token, relative to its working (log) directory. */
    public static final String API_TOKEN_FILE = "data/api-token";

    /** An event receiver: {@code url} gets the events POSTed, signed with {@code secret}. */
    public record Webhook(String url, String secret) {}

    /** Every sound key a profile has; keys not given are written as {@code ~} (no sound). */
    public static final java.util.List<String> SOUND_KEYS =
            java.util.List.of("enter", "exit", "alone", "music", "muted", "unmuted", "kicked", "pin", "bad-pin",
                    "enter-number", "trying");

    /** The built-in sounds the server ships, every one of {@link #SOUND_KEYS}. */
    public static final Map<String, String> BUILTIN_SOUNDS = builtin();

    public TestConfig {
        sounds = Map.copyOf(sounds);
        profileKeys = Map.copyOf(profileKeys);
        extraRoutes = java.util.List.copyOf(extraRoutes);
        webhooks = java.util.List.copyOf(webhooks);
    }

    TestConfig(int sipPort, Duration rtpTimeout, int maxMembers, boolean lonely, int energyLevel,
               Map<String, String> sounds, String room) {
        this(sipPort, rtpTimeout, maxMembers, lonely, energyLevel, sounds, room, Map.of(), java.util.List.of(), "", 0,
                java.util.List.of());
    }

    /**
     * Sets a key of the default profile as written in YAML, e.g. {@code ("pin", "1234")} or
     * {@code ("flags", "'wait-for-moderator'")}.
     */
    public TestConfig withProfileKey(String key, String yamlValue) {
        Map<String, String> keys = new java.util.TreeMap<>(profileKeys);
        keys.put(key, yamlValue);
        return new TestConfig(sipPort, rtpTimeout, maxMembers, lonely, energyLevel, sounds, room, keys, extraRoutes, extraTopLevel,
                apiPort, webhooks);
    }

    /**
     * Adds a route before the room's own, as one YAML flow mapping, e.g.
     * {@code "{ match: '^3001$', room: '3000', params: { flags: moderator } }"}.
     */
    public TestConfig withRoute(String yamlFlowMapping) {
        java.util.List<String> routes = new java.util.ArrayList<>(extraRoutes);
        routes.add(yamlFlowMapping);
        return new TestConfig(sipPort, rtpTimeout, maxMembers, lonely, energyLevel, sounds, room, profileKeys, routes, extraTopLevel,
                apiPort, webhooks);
    }

    public static TestConfig forPort(int sipPort) {
        return new TestConfig(sipPort, Duration.ofSeconds(30), 0, true, 100, BUILTIN_SOUNDS, "3000");
    }

    /** Serves the API on 127.0.0.1:{@code port}; 0 turns it off (the default). */
    public TestConfig withApiPort(int port) {
        return new TestConfig(sipPort, rtpTimeout, maxMembers, lonely, energyLevel, sounds, room, profileKeys, extraRoutes,
                extraTopLevel, port, webhooks);
    }

    public TestConfig withWebhook(String url, String secret) {
        java.util.List<Webhook> more = new java.util.ArrayList<>(webhooks);
        more.add(new Webhook(url, secret));
        return new TestConfig(sipPort, rtpTimeout, maxMembers, lonely, energyLevel, sounds, room, profileKeys, extraRoutes,
                extraTopLevel, apiPort, more);
    }

    public TestConfig withRtpTimeout(Duration timeout) {
        return new TestConfig(sipPort, timeout, maxMembers, lonely, energyLevel, sounds, room, profileKeys, extraRoutes, extraTopLevel,
                apiPort, webhooks);
    }

    /** 0 means no limit. */
    public TestConfig withMaxMembers(int maxMembers) {
        return new TestConfig(sipPort, rtpTimeout, maxMembers, lonely, energyLevel, sounds, room, profileKeys, extraRoutes, extraTopLevel,
                apiPort, webhooks);
    }

    public TestConfig withLonely(boolean lonely) {
        return new TestConfig(sipPort, rtpTimeout, maxMembers, lonely, energyLevel, sounds, room, profileKeys, extraRoutes, extraTopLevel,
                apiPort, webhooks);
    }

    public TestConfig withEnergyLevel(int energyLevel) {
        return new TestConfig(sipPort, rtpTimeout, maxMembers, lonely, energyLevel, sounds, room, profileKeys, extraRoutes, extraTopLevel,
                apiPort, webhooks);
    }

    /** Sound name (enter, exit, alone, music, ...) to {@code builtin:<name>} or an absolute WAV path. */
    public TestConfig withSounds(Map<String, String> sounds) {
        return new TestConfig(sipPort, rtpTimeout, maxMembers, lonely, energyLevel, sounds, room, profileKeys, extraRoutes, extraTopLevel,
                apiPort, webhooks);
    }

    /** No sounds at all, for tests that measure the members' own audio. */
    public TestConfig withoutSounds() {
        return withSounds(Map.of());
    }

    /** Appends top-level YAML (a {@code controls:} section, say) to the file as written. */
    public TestConfig withTopLevel(String yaml) {
        return new TestConfig(sipPort, rtpTimeout, maxMembers, lonely, energyLevel, sounds, room, profileKeys,
                extraRoutes, extraTopLevel + yaml + (yaml.endsWith("\n") ? "" : "\n"), apiPort, webhooks);
    }

    public String yaml() {
        StringBuilder b = new StringBuilder("# generated by dev.parley.testkit.TestConfig\n");
        b.append("sip: { address: 127.0.0.1, port: ").append(sipPort).append(", transports: [udp, tcp] }\n");
        b.append("media: { address: 127.0.0.1, rtp-ports: 20000-20999, rtp-timeout: ")
                .append(Math.max(1, rtpTimeout.toSeconds())).append("s }\n");
        if (apiPort == 0) {
            b.append("api: { enabled: false }\n");
        } else {
            b.append("api:\n  enabled: true\n  address: 127.0.0.1\n  port: ").append(apiPort).append("\n  data-dir: data\n");
            b.append("  webhooks:").append(webhooks.isEmpty() ? " []\n" : "\n");
            for (Webhook w : webhooks) {
                b.append("    - url: '").append(w.url()).append("'\n      secret: '").append(w.secret().replace("'", "''"))
                        .append("'\n");
            }
        }
        b.append("profiles:\n  default:\n");
        // rate and interval may be overridden by withProfileKey; a key must not appear twice.
        b.append("    rate: ").append(profileKeys.getOrDefault("rate", "8000")).append('\n');
        b.append("    interval: ").append(profileKeys.getOrDefault("interval", "20")).append('\n');
        b.append("    energy-level: ").append(energyLevel).append('\n');
        b.append("    max-members: ").append(maxMembers).append('\n');
        b.append("    lonely: ").append(lonely).append('\n');
        for (Map.Entry<String, String> e : profileKeys.entrySet()) {
            if (e.getKey().equals("rate") || e.getKey().equals("interval")) continue;
            b.append("    ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        }
        b.append("    sounds:\n");
        for (String key : SOUND_KEYS) {
            String v = sounds.get(key);
            b.append("      ").append(key).append(": ")
                    .append(v == null ? "~" : "'" + v.replace("'", "''") + "'").append('\n');
        }
        b.append("routes:\n");
        for (String r : extraRoutes) b.append("  - ").append(r).append('\n');
        b.append("  - match: '^").append(room).append("$'\n    room: '").append(room)
                .append("'\n    profile: default\n");
        b.append(extraTopLevel);
        return b.toString();
    }

    /** Writes {@code parley.yaml} into {@code dir} (created if needed) and returns its path. */
    public Path writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path f = dir.resolve("parley.yaml");
        Files.writeString(f, yaml());
        return f;
    }

    private static Map<String, String> builtin() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String s : SOUND_KEYS) m.put(s, "builtin:" + s);
        return m;
    }
}
