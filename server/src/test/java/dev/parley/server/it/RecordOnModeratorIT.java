package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.config.StorageSettings;
import dev.parley.server.store.RecordingRecord;
import dev.parley.testkit.BaresipPeer;
import dev.parley.testkit.ParleyProcess;
import dev.parley.testkit.TestConfig;
import dev.parley.testkit.Wav;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code record: moderator} (Yate's "record when the organiser joins"): a plain member joining does not
 * start the recording; the moderator joining later (through a route with the moderator flag) does, so
 * the file is as long as the call since the moderator came, and holds the plain member's tone.
 *
 * <p>Ports: SIP 15234, baresip slots 58-59.
 */
class RecordOnModeratorIT {
    private static final Duration EVENT_LIMIT = Duration.ofSeconds(15);
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(90);

    @Test
    void theRecordingStartsWhenTheModeratorJoinsNotWithTheFirstMember() throws Exception {
        int sipPort = 15234;
        Path dir = ItSupport.outDir(getClass(), "organiser");
        Path recordings = dir.resolve("recordings");
        Path data = dir.resolve("data");
        TestConfig config = TestConfig.forPort(sipPort).withoutSounds()
                .withProfileKey("record", "moderator")
                .withProfileKey("record-path", "'" + recordings + "/${conference_name}.wav'")
                .withRoute("{ match: '^3001$', room: '3000', params: { flags: moderator } }");
        Path configFile = StoreItSupport.writeConfig(config, dir.resolve("server"), "{ data-dir: '" + data + "' }");
        List<BaresipPeer> peers = new ArrayList<>();
        Instant memberJoined, moderatorJoined, allLeft;
        try (ParleyProcess server = ParleyProcess.start(configFile, dir.resolve("server/parley.log"), STARTUP_LIMIT)) {
            try {
                peers.add(ItSupport.toneCaller(dir, 58, 701, -16));
                peers.add(ItSupport.toneCaller(dir, 59, 1109, -16));
                peers.get(0).dialAndAwaitEstablished(ItSupport.roomUri(sipPort), EVENT_LIMIT);
                memberJoined = Instant.now();
                ItSupport.letAudioFlow(Duration.ofSeconds(4));
                assertThat(server.log()).as("a plain member does not start it").doesNotContain("recording to");
                peers.get(1).dialAndAwaitEstablished("sip:3001@127.0.0.1:" + sipPort, EVENT_LIMIT);
                moderatorJoined = Instant.now();
                server.awaitLog("recording to " + recordings, EVENT_LIMIT);
                ItSupport.letAudioFlow(Duration.ofSeconds(3));
                for (BaresipPeer p : peers) p.hangup();
                for (BaresipPeer p : peers) p.awaitEvent("CALL_CLOSED", EVENT_LIMIT);
                allLeft = Instant.now();
                server.awaitLog("recording " + recordings.resolve("3000.wav") + " ended", EVENT_LIMIT);
            } finally {
                peers.forEach(BaresipPeer::close);
            }
        }
        Wav wav = Wav.read(recordings.resolve("3000.wav"));
        long sinceModerator = Duration.between(moderatorJoined, allLeft).toMillis();
        assertThat(Duration.between(memberJoined, moderatorJoined).toMillis()).isGreaterThan(4000);
        assertThat((long) (wav.durationSeconds() * 1000)).as("recorded from the moderator's join, not the member's")
                .isCloseTo(sinceModerator, org.assertj.core.data.Offset.offset(1500L));
        assertThat(wav.levelDb(701, 0.5, 2.5)).as("the member's tone in the recording").isGreaterThan(-35);
        RecordingRecord rec = StoreItSupport.recordings(new StorageSettings(data, "", "", ""), "3000").getFirst();
        assertThat(rec.durationMillis()).isCloseTo((long) (wav.durationSeconds() * 1000), org.assertj.core.data.Offset.offset(50L));
    }
}
