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
                .contains("sounds: { alone: 'builtin:alone', enter: 'builtin:enter', exit: 'builtin:exit', music: 'builtin:music' }")
                .contains("  - match: '^3000$'\n    room: '3000'\n    profile: default\n");
    }

    @Test
    void overridesAppear() {
        String y = TestConfig.forPort(1).withRtpTimeout(Duration.ofSeconds(3)).withMaxMembers(2).withLonely(false)
                .withoutSounds().yaml();
        assertThat(y).contains("rtp-timeout: 3s").contains("max-members: 2").contains("lonely: false")
                .contains("sounds: {}");
    }
}
