package dev.parley.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code record-format}, {@code max-duration} and {@code warn-before}: defaults, profile values, route params. */
class RecordingFormatAndDurationLimitConfigTest {
    @Test
    void theDefaultsRecordWavAndSetNoLimit() throws Exception {
        ProfileConfig p = ConfigLoader.loadDefault().profiles().get("default");
        assertThat(p.recordFormat()).isEqualTo("wav");
        assertThat(p.maxDuration()).isZero();
        assertThat(p.warnBefore()).isZero();
    }

    @Test
    void aProfileRecordsOpusAndEndsItsRoomsAfterMaxDurationWithAWarningBefore() throws Exception {
        ServerConfig c = ConfigLoader.parse("""
                profiles:
                  default:
                    record-format: opus
                    record-path: 'rec/${conference_name}.opus'
                    max-duration: 2h
                    warn-before: 5m
                """, "parley.yaml", null);
        ProfileConfig p = c.profiles().get("default");
        assertThat(p.recordFormat()).isEqualTo("opus");
        assertThat(p.recordPath()).isEqualTo("rec/${conference_name}.opus");
        assertThat(p.maxDuration()).isEqualTo(Duration.ofHours(2));
        assertThat(p.warnBefore()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aRouteMayChangeTheFormatAndTheLimitButNotWithBadValues() throws Exception {
        ProfileConfig base = ConfigLoader.loadDefault().profiles().get("default");
        ProfileConfig route = base.withParams(Map.of("record-format", "OPUS", "max-duration", "30m", "warn-before", "1m"));
        assertThat(route.recordFormat()).isEqualTo("opus");
        assertThat(route.maxDuration()).isEqualTo(Duration.ofMinutes(30));
        assertThat(route.warnBefore()).isEqualTo(Duration.ofMinutes(1));
        assertThatThrownBy(() -> base.withParams(Map.of("record-format", "mp3"))).hasMessageContaining("record-format")
                .hasMessageContaining("must be wav or opus, got 'mp3'");
        assertThatThrownBy(() -> base.withParams(Map.of("max-duration", "forever"))).hasMessageContaining("max-duration");
    }

    @Test
    void recordModeratorStartsTheRecordingForModeratorsOnly() throws Exception {
        ProfileConfig base = ConfigLoader.loadDefault().profiles().get("default");
        ProfileConfig organiser = base.withParams(Map.of("record", "moderator"));
        assertThat(organiser.record()).isFalse();
        assertThat(organiser.recordOnModerator()).isTrue();
        ProfileConfig everyone = organiser.withParams(Map.of("record", "true"));
        assertThat(everyone.record()).isTrue();
        assertThat(everyone.recordOnModerator()).isFalse();
        assertThatThrownBy(() -> base.withParams(Map.of("record", "sometimes")))
                .hasMessageContaining("expected true, false or moderator, got 'sometimes'");
    }
}
