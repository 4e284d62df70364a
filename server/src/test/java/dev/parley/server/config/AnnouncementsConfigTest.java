package dev.parley.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Where {@code file:NAME} sounds are looked up: {@code media.announcements}. */
class AnnouncementsConfigTest {
    @Test
    void byDefaultTheyLiveInTheDataDirectory() throws ConfigException {
        ServerConfig c = ConfigLoader.parse("storage: { data-dir: /var/lib/parley }", "parley.yaml", Path.of("/etc/parley"));
        assertThat(c.announcementsDir()).isEqualTo(Path.of("/var/lib/parley/announcements"));
        assertThat(ConfigLoader.parse("", "parley.yaml", Path.of("/etc/parley")).announcementsDir())
                .isEqualTo(Path.of("/etc/parley/data/announcements"));
    }

    @Test
    void aRelativeDirectoryIsNextToTheConfigFileAndAnAbsoluteOneStaysAsWritten() throws ConfigException {
        assertThat(ConfigLoader.parse("media: { announcements: prompts }", "parley.yaml", Path.of("/etc/parley"))
                .announcementsDir()).isEqualTo(Path.of("/etc/parley/prompts"));
        assertThat(ConfigLoader.parse("media: { announcements: /srv/sounds }", "parley.yaml", Path.of("/etc/parley"))
                .announcementsDir()).isEqualTo(Path.of("/srv/sounds"));
    }
}
