package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testkit.G711;
import dev.parley.testkit.ParleyProcess;
import dev.parley.testkit.Sipp;
import dev.parley.testkit.TestConfig;
import dev.parley.testkit.Wav;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Trunk callers cannot invite: with {@code invite-policy: anyone} and {@code *1} bound for every
 * member, a caller from the gateway's address and port keys {@code *1} and is refused, while the
 * same keys from another caller start an invite.
 */
class TrunkCallerIT {
    @Test
    void aTrunkCallerPressingStarOneGetsNothing() throws Exception {
        int port = 15125;
        Path dir = ItSupport.outDir(getClass(), "trunk");
        Files.createDirectories(dir);
        Path ulaw = dir.resolve("tone.ulaw");
        Files.write(ulaw, G711.encode(Wav.tone(8000, 443, 2, -16).samples(), G711.PT_PCMU));
        TestConfig config = TestConfig.forPort(port).withoutSounds()
                .withProfileKey("controls", "moderator").withProfileKey("invite-policy", "anyone")
                .withTopLevel("gateways:\n  trunk: { address: 127.0.0.1, port: 5144 }\n");
        try (ParleyProcess server = ItSupport.startServer(config, dir.resolve("server"))) {
            Sipp.Result fromTrunk = keys(dir.resolve("from-trunk"), port, 5144, 16600);
            Sipp.Result fromPhone = keys(dir.resolve("from-phone"), port, 5146, 16700);
            assertThat(fromTrunk.succeeded()).as(fromTrunk.describe()).isTrue();
            assertThat(fromPhone.succeeded()).as(fromPhone.describe()).isTrue();
            String log = server.log();
            assertThat(log.lines().filter(l -> l.contains("keys '*1' -> invite")).count()).as(log).isEqualTo(2);
            assertThat(log.lines().filter(l -> l.contains("may not invite")).count()).as("only the trunk caller; " + log)
                    .isEqualTo(1);
            assertThat(server.isAlive()).isTrue();
        }
    }

    private static Sipp.Result keys(Path dir, int port, int sipPort, int mediaPort) throws Exception {
        return Sipp.scenario(ItSupport.resource("sipp/uac-info-keys.xml"), dir)
                .target(port).service(ItSupport.ROOM).sipPort(sipPort).mediaPort(mediaPort)
                .timeout(Duration.ofSeconds(20))
                .key("rtp_stream", dir.getParent().resolve("tone.ulaw") + ",-1,0").key("keys_after_ms", "500")
                .key("d1", "*").key("d2", "1").key("d3", "1").key("d4", "0").key("d5", "0")
                .key("gap_ms", "100").key("d6", "4").key("hold_ms", "500").run();
    }
}
