package dev.parley.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiConfigTest {

    @Test
    void byDefaultTheApiListensOnLoopback8080AndKeepsItsTokenInData() throws ConfigException {
        ApiSettings api = ConfigLoader.loadDefault().api();

        assertThat(api).isEqualTo(new ApiSettings(true, "127.0.0.1", 8080, Path.of("data"), List.of()));
    }

    @Test
    void keysMergeOneByOneOverTheDefaults() throws ConfigException {
        ApiSettings api = ConfigLoader.parse("api: { port: 9090 }\n", "parley.yaml", null).api();

        assertThat(api.port()).isEqualTo(9090);
        assertThat(api.address()).isEqualTo("127.0.0.1");
        assertThat(api.enabled()).isTrue();
    }

    @Test
    void aWebhookKeepsItsRoomFilterAndEventTypes() throws ConfigException {
        String yaml = """
                api:
                  webhooks:
                    - url: 'http://127.0.0.1:9000/parley'
                      secret: 'a-long-enough-secret'
                      rooms: 'sales-.*'
                      events: [member.joined, room.*]
                """;

        WebhookConfig w = ConfigLoader.parse(yaml, "parley.yaml", null).api().webhooks().getFirst();

        assertThat(w.url()).isEqualTo(URI.create("http://127.0.0.1:9000/parley"));
        assertThat(w.wants("sales-1", "member.joined")).isTrue();
        assertThat(w.wants("sales-1", "room.ended")).isTrue();
        assertThat(w.wants("sales-1", "member.left")).isFalse();
        assertThat(w.wants("support", "member.joined")).isFalse();
    }

    @Test
    void aWebhookWithoutFiltersGetsEverything() throws ConfigException {
        String yaml = "api:\n  webhooks:\n    - { url: 'https://example.com/h', secret: 'a-long-enough-secret' }\n";

        WebhookConfig w = ConfigLoader.parse(yaml, "parley.yaml", null).api().webhooks().getFirst();

        assertThat(w.wants("any", "member.dtmf")).isTrue();
    }
}
