package dev.parley.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StorageConfigTest {

    @Test
    void theDefaultDatabaseIsTheSqliteFileInTheDataDirectoryNextToTheConfigFile() throws ConfigException {
        StorageSettings s = ConfigLoader.parse("", "parley.yaml", Path.of("/etc/parley")).storage();
        assertThat(s.dataDir()).isEqualTo(Path.of("/etc/parley/data"));
        assertThat(s.jdbcUrl()).isEqualTo("jdbc:sqlite:/etc/parley/data/parley.db");
        assertThat(s.sqlite()).isTrue();
    }

    @Test
    void aPostgresqlUrlWithUserAndAPasswordTheEnvironmentOverrides() throws ConfigException {
        StorageSettings s = ConfigLoader.parse("""
                storage:
                  url: jdbc:postgresql://db:5432/parley
                  user: parley
                  password: from-file
                """, "parley.yaml", null).storage();
        assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/parley");
        assertThat(s.sqlite()).isFalse();
        assertThat(s.user()).isEqualTo("parley");
        assertThat(s.effectivePassword(Map.of())).isEqualTo("from-file");
        assertThat(s.effectivePassword(Map.of(StorageSettings.PASSWORD_ENV, "secret"))).isEqualTo("secret");
    }

    @Test
    void billingAndRecordAreRouteParamsAndTheRecordingKeysHaveDefaults() throws ConfigException {
        ProfileConfig p = ConfigLoader.loadDefault().profiles().get("default");
        assertThat(p.billing()).isTrue();
        assertThat(p.record()).isFalse();
        assertThat(p.recordPath()).isEqualTo(ProfileConfig.DEFAULT_RECORD_PATH);
        ProfileConfig organiser = p.withParams(Map.of("record", "true", "billing", "false"));
        assertThat(organiser.record()).isTrue();
        assertThat(organiser.billing()).isFalse();
    }

    @Test
    void aRecordPathTemplateTakesTheRoomNameAndStrftimeFields() {
        ZonedDateTime at = ZonedDateTime.of(2025, 3, 1, 9, 5, 7, 0, ZoneOffset.UTC);
        assertThat(RecordPathTemplate.expand(ProfileConfig.DEFAULT_RECORD_PATH, "sales/3000", at))
                .isEqualTo("recordings/2025/03/01/sales_3000_20250301090507.wav");
    }
}
