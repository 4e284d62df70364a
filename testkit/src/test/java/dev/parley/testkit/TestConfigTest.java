package dev.parley.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TestConfigTest {

    @Test
    void defaultConfigNamesPortRoomAndBuiltinSounds() {
        String y = TestConfig.forPort(15061).yaml();
        assertThat(y).contains("sip: { address: 127.0.0.1, port: 15061, transports: [udp, tcp] }")
                .contains("rtp-ports: 20000-20999, rtp-timeout: 30s")
                .contains("    sounds:\n      enter: 'builtin:enter'\n      exit: 'builtin:exit'\n")
                .contains("      bad-pin: 'builtin:bad-pin'\n")
                .contains("  - match: '^3000$'\n    room: '3000'\n    profile: default\n");
    }

    @Test
    void overridesAppear() {
        String y = TestConfig.forPort(1).withRtpTimeout(Duration.ofSeconds(3)).withMaxMembers(2).withLonely(false)
                .withoutSounds().yaml();
        assertThat(y).contains("rtp-timeout: 3s").contains("max-members: 2").contains("lonely: false")
                .contains("      enter: ~\n").contains("      music: ~\n");
    }

    @Test
    void profileKeysAndExtraRoutesAreWritten() {
        String y = TestConfig.forPort(1).withProfileKey("pin", "'1234'")
                .withRoute("{ match: '^3001$', room: '3000', params: { flags: moderator } }").yaml();
        assertThat(y).contains("    pin: '1234'\n")
                .contains("routes:\n  - { match: '^3001$', room: '3000', params: { flags: moderator } }\n  - match: '^3000$'");
    }

    @Test
    void theApiIsOffUnlessAPortIsGiven() {
        assertThat(TestConfig.forPort(1).yaml()).contains("api: { enabled: false }\n");
    }

    @Test
    void anApiPortAndWebhooksAreWritten() {
        String y = TestConfig.forPort(1).withApiPort(8580).withWebhook("http://127.0.0.1:8590/h", "a-long-secret-it's").yaml();
        assertThat(y).contains("api:\n  enabled: true\n  address: 127.0.0.1\n  port: 8580\n  data-dir: data\n")
                .contains("  webhooks:\n    - url: 'http://127.0.0.1:8590/h'\n      secret: 'a-long-secret-it''s'\n");
    }
}
