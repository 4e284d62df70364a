package dev.parley.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteAskConfigTest {

    @Test
    void aRouteWithAskKeepsItsUrlTimeoutFallbackHeadersAndSecret() throws ConfigException {
        String yaml = """
                routes:
                  - match: '^8\\d{3}$'
                    room: lobby
                    ask:
                      url: 'http://127.0.0.1:9000/route'
                      timeout: 500ms
                      fallback: reject
                      headers: 'User-Agent, X-Account'
                      secret: 'routing-secret-of-24-chars'
                """;

        RouteAsk ask = ConfigLoader.parse(yaml, "parley.yaml", null).routes().getFirst().ask();

        assertThat(ask).isEqualTo(new RouteAsk(URI.create("http://127.0.0.1:9000/route"), Duration.ofMillis(500),
                RouteAsk.Fallback.REJECT, List.of("User-Agent", "X-Account"), "routing-secret-of-24-chars"));
        assertThat(ask.toString()).as("the secret is never printed").doesNotContain("routing-secret");
    }

    @Test
    void byDefaultItWaitsTwoSecondsAndFallsBackToTheRoutesRoom() throws ConfigException {
        String yaml = """
                routes:
                  - match: '^8\\d{3}$'
                    room: lobby
                    ask: { url: 'https://routing.example/decide' }
                """;

        RouteAsk ask = ConfigLoader.parse(yaml, "parley.yaml", null).routes().getFirst().ask();

        assertThat(ask.timeout()).isEqualTo(RouteAsk.DEFAULT_TIMEOUT).isEqualTo(Duration.ofSeconds(2));
        assertThat(ask.fallback()).isEqualTo(RouteAsk.Fallback.ROOM);
        assertThat(ask.headers()).isEmpty();
        assertThat(ask.secret()).as("unsigned unless a secret is given").isNull();
    }

    @Test
    void aRouteWithoutAskAsksNobody() throws ConfigException {
        assertThat(ConfigLoader.loadDefault().routes()).allSatisfy(r -> assertThat(r.ask()).isNull());
    }
}
