package dev.parley.server.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.parley.server.config.ConfigException;
import dev.parley.server.config.ConfigLoader;
import dev.parley.server.config.ProfileConfig;
import dev.parley.server.config.RouteConfig;
import dev.parley.server.config.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RouterTest {

    private static Router router(String yaml) throws ConfigException {
        return new Router(ConfigLoader.parse(yaml, "parley.yaml", null));
    }

    private static String room(Router router, String dialled) {
        return router.resolve(dialled).map(RoomTarget::room).orElse(null);
    }

    @Test
    void theBuiltInRouteSendsRoom3000ToTheDefaultProfile() throws ConfigException {
        ServerConfig config = ConfigLoader.loadDefault();
        Router router = new Router(config);

        Optional<RoomTarget> target = router.resolve("3000");

        assertThat(target).isPresent();
        assertThat(target.get().room()).isEqualTo("3000");
        assertThat(target.get().profile()).isEqualTo(config.profiles().get("default"));
        assertThat(target.get().route()).isSameAs(config.routes().getFirst());
        assertThat(router.resolve("3001")).isEmpty();
        assertThat(router.resolve("")).isEmpty();
    }

    @Test
    void theDocumentedExampleRoutesAllThreeWays() throws Exception {
        Path file = Path.of(RouterTest.class.getResource("/config/valid/example.yaml").toURI());
        ServerConfig config = ConfigLoader.load(file);
        Router router = new Router(config);

        assertThat(config.routes()).extracting(RouteConfig::line).containsExactly(26, 29, 32);
        assertThat(room(router, "3000")).isEqualTo("3000");
        RoomTarget fourDigits = router.resolve("4711").orElseThrow();
        assertThat(fourDigits.room()).isEqualTo("conf-4711");
        assertThat(fourDigits.profile().maxMembers()).isEqualTo(10);
        assertThat(fourDigits.profile().lonely()).isFalse();
        RoomTarget yate = router.resolve("800").orElseThrow();
        assertThat(yate.room()).isEqualTo("sampleroom");
        assertThat(yate.profile().maxMembers()).isEqualTo(200);
        assertThat(router.resolve("47110")).isEmpty();
    }

    @Test
    void theFirstMatchingRouteWins() throws ConfigException {
        String exact = """
                  - match: '^3000$'
                    room: main
                """;
        String any = """
                  - match: '^(\\d{4})$'
                    room: 'conf-$1'
                """;
        Router exactFirst = router("routes:\n" + exact + any);
        Router anyFirst = router("routes:\n" + any + exact);

        assertThat(room(exactFirst, "3000")).isEqualTo("main");
        assertThat(room(exactFirst, "3001")).isEqualTo("conf-3001");
        assertThat(room(anyFirst, "3000")).isEqualTo("conf-3000");
        assertThat(exactFirst.resolve("3001").orElseThrow().route().line()).isEqualTo(4);
    }

    @Test
    void captureGroupsFillTheRoomName() throws ConfigException {
        Router router = router("""
                routes:
                  - match: '^9(?<country>\\d{2})(\\d+)$'
                    room: 'intl-${country}-$2'
                """);

        assertThat(room(router, "94930123")).isEqualTo("intl-49-30123");
    }

    @Test
    void routeParamsChangeTheProfileForThatRouteOnly() throws ConfigException {
        ServerConfig config = ConfigLoader.parse("""
                routes:
                  - match: '^(\\d{4})$'
                    room: 'conf-$1'
                    params: { max-members: 10, lonely: false, lonely-grace: 5s, energy-level: 0 }
                  - match: '^(\\d{5})$'
                    room: 'big-$1'
                """, "parley.yaml", null);
        Router router = new Router(config);
        ProfileConfig base = config.profiles().get("default");

        ProfileConfig small = router.resolve("1234").orElseThrow().profile();
        ProfileConfig plain = router.resolve("12345").orElseThrow().profile();

        assertThat(small).isEqualTo(new ProfileConfig("default", base.rateHz(), base.intervalMs(), 0, 10, false,
                Duration.ofSeconds(5), base.comfortNoiseLevel(), base.sounds(), base.pin(), base.moderatorPin(),
                base.pinTries(), base.flags(), base.controls(), base.moderatorControls(), base.digitTimeout(),
                base.announceCount(), base.endWithModerator(), base.autoDial(), base.invitePolicy(), base.external(), base.externalDigits(), base.billing(), base.record(),
                base.recordPath(), base.recordWarning(), base.srtp()));
        assertThat(plain).isEqualTo(base);
        assertThat(config.profiles().get("default").maxMembers()).isZero();
    }

    @Test
    void yateRoutesWorkAsInTheSeed() throws ConfigException {
        Router router = router("""
                profiles:
                  quiet: { energy-level: 400 }
                routes:
                  - '^800$ = conf/sampleroom;lonely=true;maxusers=200'
                  - '^7(\\d+)$ = conf/team-\\1;profile=quiet;lonely=false'
                """);

        RoomTarget sample = router.resolve("800").orElseThrow();
        RoomTarget team = router.resolve("712").orElseThrow();

        assertThat(sample.room()).isEqualTo("sampleroom");
        assertThat(sample.profile().maxMembers()).isEqualTo(200);
        assertThat(sample.profile().lonely()).isTrue();
        assertThat(team.room()).isEqualTo("team-12");
        assertThat(team.profile().name()).isEqualTo("quiet");
        assertThat(team.profile().energyLevel()).isEqualTo(400);
        assertThat(team.profile().lonely()).isFalse();
        assertThat(router.resolve("8000")).isEmpty();
    }

    @Test
    void routesSearchTheWholeDialledStringAsGiven() throws ConfigException {
        Router router = router("""
                routes:
                  - match: '^3000$'
                    room: exact
                  - match: '^3001\\*(\\d+)$'
                    room: 'pin-$1'
                  - match: '^(\\d{4})'
                    room: 'prefix-$1'
                """);

        assertThat(room(router, "3000")).isEqualTo("exact");
        assertThat(room(router, "3000*1234")).isEqualTo("prefix-3000");
        assertThat(room(router, "3001*99")).isEqualTo("pin-99");
        assertThat(room(router, " 3000")).isNull();
    }

    @Test
    void aRouteWhoseExpansionIsNotARoomNameRoutesNowhere() throws ConfigException {
        Router router = router("""
                routes:
                  - match: '^(.*)$'
                    room: '$1'
                """);

        assertThat(room(router, "sales")).isEqualTo("sales");
        assertThat(room(router, "../../etc/passwd")).isNull();
        assertThat(room(router, "")).isNull();
        assertThat(room(router, "x".repeat(65))).isNull();
    }

    @Test
    void overlongDialledStringsAreNotRouted() throws ConfigException {
        Router router = router("""
                routes:
                  - match: '^\\d+$'
                    room: digits
                """);

        assertThat(room(router, "1".repeat(Router.MAX_DIALLED_LENGTH))).isEqualTo("digits");
        assertThat(room(router, "1".repeat(Router.MAX_DIALLED_LENGTH + 1))).isNull();
    }

    @Test
    void aHandMadeConfigWithAMissingProfileIsRefused() throws ConfigException {
        ServerConfig defaults = ConfigLoader.loadDefault();
        ServerConfig broken = new ServerConfig(defaults.sip(), defaults.media(), defaults.storage(), defaults.extensions(), defaults.gateways(), defaults.controls(), defaults.profiles(),
                List.of(new RouteConfig(Pattern.compile("^1$"), "one", "vip", Map.of(), 1)), defaults.api(), "test");

        assertThatIllegalArgumentException().isThrownBy(() -> new Router(broken))
                .withMessage("route on line 1: no profile named 'vip'");
    }

    @Test
    void aHandMadeConfigWithABadParamIsRefused() throws ConfigException {
        ServerConfig defaults = ConfigLoader.loadDefault();
        ServerConfig broken = new ServerConfig(defaults.sip(), defaults.media(), defaults.storage(), defaults.extensions(), defaults.gateways(), defaults.controls(), defaults.profiles(),
                List.of(new RouteConfig(Pattern.compile("^1$"), "one", "default", Map.of("interval", "25"), 1)), defaults.api(), "test");

        assertThatIllegalArgumentException().isThrownBy(() -> new Router(broken))
                .withMessage("route param interval: must be 10, 20 or 30 (ms), got 25");
    }
}
