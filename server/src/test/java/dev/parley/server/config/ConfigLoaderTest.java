package dev.parley.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private static ServerConfig parse(String yaml) throws ConfigException {
        return ConfigLoader.parse(yaml, "parley.yaml", null);
    }

    @Test
    void builtInDefaultsServeRoom3000OnLoopbackOverUdpAndTcp() throws ConfigException {
        ServerConfig c = ConfigLoader.loadDefault();

        assertThat(c.source()).isEqualTo("built-in defaults");
        assertThat(c.sip()).isEqualTo(new SipSettings("127.0.0.1", 5060, true, true, c.sip().defences()));
        assertThat(c.media()).isEqualTo(new MediaSettings("127.0.0.1", 20000, 29999, 0, Duration.ofSeconds(60)));
        assertThat(c.profiles()).containsOnlyKeys("default");
        assertThat(c.profiles().get("default")).isEqualTo(new ProfileConfig("default", 8000, 20, 100, 0, true,
                Duration.ofSeconds(30), 0,
                new Sounds("builtin:enter", "builtin:exit", "builtin:alone", "builtin:music", "builtin:muted",
                        "builtin:unmuted", "builtin:kicked", "builtin:pin", "builtin:bad-pin", "builtin:enter-number",
                        "builtin:trying", "builtin:record-name", "builtin:has-joined"),
                null, null, 3, java.util.Set.of(), "default", "moderator", Duration.ofMillis(1500), false, false,
                java.util.List.of(), InvitePolicy.MODERATORS, null, "", true, false, ProfileConfig.DEFAULT_RECORD_PATH, false, SrtpMode.OPTIONAL));
        assertThat(c.routes()).singleElement().satisfies(r -> {
            assertThat(r.match().pattern()).isEqualTo("^3000$");
            assertThat(r.room()).isEqualTo("3000");
            assertThat(r.profile()).isEqualTo("default");
            assertThat(r.params()).isEmpty();
        });
    }

    @Test
    void anEmptyOrCommentOnlyFileMeansTheBuiltInDefaults() throws ConfigException {
        ServerConfig defaults = ConfigLoader.loadDefault();
        for (String yaml : new String[] {"", "# nothing to change\n", "sip:\nmedia:\n"}) {
            ServerConfig c = parse(yaml);
            assertThat(c.source()).isEqualTo("parley.yaml");
            assertThat(c.sip()).isEqualTo(defaults.sip());
            assertThat(c.media()).isEqualTo(defaults.media());
            assertThat(c.profiles()).isEqualTo(defaults.profiles());
            assertThat(c.routes()).extracting(r -> r.match().pattern()).containsExactly("^3000$");
        }
    }

    @Test
    void sectionsMergeKeyByKeyWithTheDefaults() throws ConfigException {
        ServerConfig c = parse("""
                sip:
                  port: 5070
                media:
                  workers: 4
                """);

        assertThat(c.sip()).isEqualTo(new SipSettings("127.0.0.1", 5070, true, true, c.sip().defences()));
        assertThat(c.media()).isEqualTo(new MediaSettings("127.0.0.1", 20000, 29999, 4, Duration.ofSeconds(60)));
    }

    @Test
    void mediaListensWhereSipListensUnlessToldOtherwise() throws ConfigException {
        assertThat(parse("sip: { address: 0.0.0.0 }").media().address()).isEqualTo("0.0.0.0");
        assertThat(parse("sip: { address: 0.0.0.0 }\nmedia: { address: 192.0.2.7 }").media().address())
                .isEqualTo("192.0.2.7");
    }

    @Test
    void ipv6AndLocalhostAreAcceptedAndBracketsDropped() throws ConfigException {
        assertThat(parse("sip: { address: '[::1]' }").sip().address()).isEqualTo("::1");
        assertThat(parse("sip: { address: '::' }").sip().address()).isEqualTo("::");
        assertThat(parse("sip: { address: localhost }").sip().address()).isEqualTo("localhost");
    }

    @Test
    void transportsMayBeOneWordOrAList() throws ConfigException {
        SipSettings udpOnly = parse("sip: { transports: udp }").sip();
        SipSettings tcpOnly = parse("sip: { transports: [tcp] }").sip();

        assertThat(udpOnly.udp()).isTrue();
        assertThat(udpOnly.tcp()).isFalse();
        assertThat(tcpOnly.udp()).isFalse();
        assertThat(tcpOnly.tcp()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"500ms, 500", "60s, 60000", "2m, 120000", "1h, 3600000", "90, 90000", "0, 0"})
    void durationsTakeMillisecondsSecondsMinutesHoursOrBareSeconds(String written, long millis) throws ConfigException {
        ProfileConfig p = parse("profiles: { default: { lonely-grace: " + written + " } }").profiles().get("default");

        assertThat(p.lonelyGrace()).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "250, 250", "true, 1400", "false, 0", "10000, 10000"})
    void comfortNoiseIsALevelOrTrueForFreeSwitchsLevel(String written, int level) throws ConfigException {
        ProfileConfig p = parse("profiles: { default: { comfort-noise: " + written + " } }").profiles().get("default");

        assertThat(p.comfortNoiseLevel()).isEqualTo(level);
    }

    @Test
    void yamlYesAndNoAreBooleans() throws ConfigException {
        assertThat(parse("profiles: { default: { lonely: no } }").profiles().get("default").lonely()).isFalse();
        assertThat(parse("profiles: { default: { lonely: yes } }").profiles().get("default").lonely()).isTrue();
    }

    @Test
    void aNewProfileTakesTheKeysItLeavesOutFromTheBuiltInDefault() throws ConfigException {
        ServerConfig c = parse("""
                profiles:
                  big:
                    max-members: 500
                    energy-level: 300
                """);

        assertThat(c.profiles()).containsOnlyKeys("default", "big");
        ProfileConfig big = c.profiles().get("big");
        ProfileConfig def = ConfigLoader.loadDefault().profiles().get("default");
        ProfileConfig expected = new ProfileConfig("big", 8000, 20, 300, 500, true, Duration.ofSeconds(30), 0,
                def.sounds(), null, null, 3, java.util.Set.of(), "default", "moderator", def.digitTimeout(), false, false,
                java.util.List.of(), InvitePolicy.MODERATORS, null, "", true, false, ProfileConfig.DEFAULT_RECORD_PATH, false, SrtpMode.OPTIONAL);
        assertThat(big).isEqualTo(expected);
    }

    @Test
    void redefiningTheDefaultProfileChangesItForTheBuiltInRoute() throws ConfigException {
        ServerConfig c = parse("profiles: { default: { energy-level: 250, comfort-noise: true } }");

        assertThat(c.profiles().get("default").energyLevel()).isEqualTo(250);
        assertThat(c.profiles().get("default").comfortNoiseLevel()).isEqualTo(1400);
        assertThat(c.routes()).singleElement().extracting(RouteConfig::profile).isEqualTo("default");
    }

    @Test
    void aRoutesListReplacesTheBuiltInRoutes() throws ConfigException {
        ServerConfig c = parse("""
                routes:
                  - match: '^4000$'
                    room: lobby
                """);

        assertThat(c.routes()).extracting(RouteConfig::room).containsExactly("lobby");
        assertThat(parse("routes: []").routes()).isEmpty();
    }

    @Test
    void routesKeepTheirLineTheirOrderAndCanonicalParams() throws ConfigException {
        ServerConfig c = parse("""
                profiles:
                  small: { max-members: 5 }
                routes:
                  - match: '^3000$'
                    room: '3000'
                  - match: '^(\\d{4})$'
                    room: 'conf-$1'
                    profile: small
                    params: { maxusers: 10, lonely: false, lonely-grace: 5s }
                """);

        RouteConfig first = c.routes().get(0);
        RouteConfig second = c.routes().get(1);
        assertThat(first.line()).isEqualTo(4);
        assertThat(first.profile()).isEqualTo("default");
        assertThat(second.line()).isEqualTo(6);
        assertThat(second.match().pattern()).isEqualTo("^(\\d{4})$");
        assertThat(second.room()).isEqualTo("conf-$1");
        assertThat(second.profile()).isEqualTo("small");
        assertThat(second.params()).containsExactly(
                Map.entry("max-members", "10"), Map.entry("lonely", "false"), Map.entry("lonely-grace", "5s"));
    }

    @Test
    void yateFormRoutesAreParsedLikeYatesRegexroute() throws ConfigException {
        ServerConfig c = parse("""
                profiles:
                  small: { max-members: 5 }
                routes:
                  - '^800$ = conf/sampleroom;lonely=true;maxusers=200'
                  - '^9(\\d+)$=conf/room-\\1;profile=small'
                """);

        RouteConfig seed = c.routes().get(0);
        assertThat(seed.match().pattern()).isEqualTo("^800$");
        assertThat(seed.room()).isEqualTo("sampleroom");
        assertThat(seed.profile()).isEqualTo("default");
        assertThat(seed.params()).containsExactly(Map.entry("lonely", "true"), Map.entry("max-members", "200"));
        assertThat(seed.line()).isEqualTo(4);
        RouteConfig grouped = c.routes().get(1);
        assertThat(grouped.match().pattern()).isEqualTo("^9(\\d+)$");
        assertThat(grouped.room()).isEqualTo("room-$1");
        assertThat(grouped.profile()).isEqualTo("small");
        assertThat(grouped.params()).isEmpty();
    }

    @Test
    void relativeSoundPathsAreResolvedAgainstTheConfigFilesDirectory() throws Exception {
        Files.createDirectories(dir.resolve("sounds"));
        Path hello = Files.write(dir.resolve("sounds/hello.wav"), new byte[] {1});
        Path music = Files.write(dir.resolve("music.wav"), new byte[] {1});
        Path file = dir.resolve("parley.yaml");
        Files.writeString(file, """
                profiles:
                  default:
                    sounds:
                      enter: sounds/hello.wav
                      exit: ~
                      alone: none
                      music: %s
                """.formatted(music.toAbsolutePath()));

        ServerConfig c = ConfigLoader.load(file);

        Sounds s = c.profiles().get("default").sounds();
        assertThat(s.enter()).isEqualTo(hello.toAbsolutePath().normalize().toString());
        assertThat(s.exit()).isNull();
        assertThat(s.alone()).isNull();
        assertThat(s.music()).isEqualTo(music.toAbsolutePath().normalize().toString());
        assertThat(c.source()).isEqualTo(file.toString());
    }

    @Test
    void theSameRelativeSoundIsMissingWhenTheConfigLivesElsewhere() throws Exception {
        Files.createDirectories(dir.resolve("etc"));
        Files.createDirectories(dir.resolve("sounds"));
        Files.write(dir.resolve("sounds/hello.wav"), new byte[] {1});
        Path file = Files.writeString(dir.resolve("etc/parley.yaml"),
                "profiles: { default: { sounds: { enter: sounds/hello.wav } } }\n");

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file));

        assertThat(e.getMessage()).isEqualTo(file + ":1: profiles.default.sounds.enter: sound file not found: "
                + "'sounds/hello.wav' (resolved to " + dir.resolve("etc/sounds/hello.wav").toAbsolutePath() + ")");
    }

    @Test
    void aMissingConfigFileIsNamed() {
        Path file = dir.resolve("nope.yaml");

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file));

        assertThat(e.getMessage()).isEqualTo(file + ": config file not found");
        assertThat(e.problems().getFirst().line()).isZero();
    }

    @Test
    void everyProblemIsReportedAtOnceInLineOrder() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> parse("""
                routes:
                  - match: '^(1$'
                    room: one
                sip:
                  port: 0
                  adress: 127.0.0.1
                """));

        assertThat(e.getMessage()).isEqualTo("""
                parley.yaml:2: routes[0].match: not a valid regular expression: Unclosed group near index 4
                parley.yaml:5: sip.port: must be 1..65535, got 0
                parley.yaml:6: sip.adress: unknown key; did you mean 'address'?""");
        assertThat(e.problems()).extracting(ConfigProblem::line).containsExactly(2, 5, 6);
    }

    @Test
    void aBrokenProfileIsReportedOnceAndNotAgainByTheRoutesThatUseIt() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> parse("""
                profiles:
                  vip: { interval: 15 }
                routes:
                  - { match: '^1$', room: one, profile: vip }
                """));

        assertThat(e.problems()).singleElement().extracting(ConfigProblem::field).isEqualTo("profiles.vip.interval");
    }

    @Test
    void aByteOrderMarkIsIgnored() throws ConfigException {
        assertThat(parse("\uFEFFsip: { port: 5070 }").sip().port()).isEqualTo(5070);
    }
}
