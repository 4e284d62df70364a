package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.config.StorageSettings;
import dev.parley.server.store.BillingRecord;
import dev.parley.server.store.RecordingRecord;
import dev.parley.testkit.BaresipPeer;
import dev.parley.testkit.ParleyProcess;
import dev.parley.testkit.TestConfig;
import dev.parley.testkit.Wav;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rooms recorded with auto-record ({@code record: true}) and billed in the default SQLite database: a
 * three-party call whose recording holds all three tones and whose billing records have the durations
 * the callers saw, and a {@code kill -9} in the middle of a recording that leaves a playable file and
 * open records that the next start closes.
 */
class RecordingIT {

    private static final double[] TONES_HZ = {443, 701, 1109};
    private static final Duration EVENT_LIMIT = Duration.ofSeconds(10);

    private static TestConfig recorded(int sipPort, Path recordings) {
        return TestConfig.forPort(sipPort).withoutSounds()
                .withProfileKey("record", "true")
                .withProfileKey("record-path", "'" + recordings + "/${conference_name}-${strftime(%Y%m%d)}.wav'");
    }

    private static BaresipPeer peer(int slot, Path dir, double toneHz) throws Exception {
        return BaresipPeer.start(BaresipPeer.Settings.slot(slot, dir.resolve("peer" + slot))
                .withSource(Wav.tone(8000, toneHz, 20, -16)).withCodecs("PCMU/8000/1")
                .withLifetime(Duration.ofSeconds(60)));
    }

    private static Path onlyFile(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            List<Path> all = files.toList();
            assertThat(all).as("recordings in %s", dir).hasSize(1);
            return all.get(0);
        }
    }

    @Test
    void aThreePartyCallIsRecordedWithEveryToneAndBilledWithTheDurationsTheCallersSaw() throws Exception {
        int sipPort = 15100;
        Path dir = ItSupport.outDir(getClass(), "three-party");
        Path recordings = dir.resolve("recordings");
        Path data = dir.resolve("data");
        List<BaresipPeer> peers = new ArrayList<>();
        Instant[] joined = new Instant[3];
        Instant[] left = new Instant[3];
        Instant allIn;
        Path config = StoreItSupport.writeConfig(recorded(sipPort, recordings), dir.resolve("server"),
                "{ data-dir: '" + data + "' }");
        try (ParleyProcess server = ParleyProcess.start(config, dir.resolve("server/parley.log"), Duration.ofSeconds(30))) {
            try {
                for (int i = 0; i < 3; i++) peers.add(peer(20 + i, dir, TONES_HZ[i]));
                for (int i = 0; i < 3; i++) {
                    peers.get(i).dialAndAwaitEstablished(ItSupport.roomUri(sipPort), EVENT_LIMIT);
                    joined[i] = Instant.now();
                }
                allIn = joined[2];
                ItSupport.letAudioFlow(Duration.ofSeconds(4));
                // They leave one by one, so each record has its own duration.
                for (int i = 2; i >= 0; i--) {
                    peers.get(i).hangup();
                    peers.get(i).awaitEvent("CALL_CLOSED", EVENT_LIMIT);
                    left[i] = Instant.now();
                    if (i > 0) ItSupport.letAudioFlow(Duration.ofSeconds(1));
                }
                server.awaitLog("recording " + recordings, EVENT_LIMIT);
            } finally {
                peers.forEach(BaresipPeer::close);
            }
        }

        Path file = onlyFile(recordings);
        assertThat(file.getFileName().toString()).matches("3000-\\d{8}\\.wav");
        Wav wav = Wav.read(file);
        // The recording started with the first member: the three were in from allIn - joined[0] on.
        double from = Duration.between(joined[0], allIn).toMillis() / 1000.0 + 0.5;
        double to = from + 3;
        for (double hz : TONES_HZ) {
            assertThat(wav.levelDb(hz, from, to)).as("%.0f Hz in %s between %.1f and %.1f s", hz, file, from, to)
                    .isGreaterThan(-35);
        }

        StorageSettings db = new StorageSettings(data, "", "", "");
        List<BillingRecord> records = StoreItSupport.billing(db, "3000");
        assertThat(records).hasSize(3);
        for (int i = 0; i < 3; i++) {
            BillingRecord r = records.get(i);
            long expected = Duration.between(joined[i], left[i]).toMillis();
            assertThat(r.durationMillis()).as("member %d: %s", i, r).isCloseTo(expected, org.assertj.core.data.Offset.offset(1000L));
            assertThat(r.leaveReason()).isEqualTo("HUNG_UP");
            assertThat(r.codec()).isEqualTo("PCMU/8000");
            assertThat(r.calledNumber()).isEqualTo("3000");
            assertThat(r.callerNumber()).isEqualTo("peer" + (20 + i));
        }
        RecordingRecord rec = StoreItSupport.recordings(db, "3000").getFirst();
        assertThat(rec.path()).isEqualTo(file.toString());
        assertThat(rec.sizeBytes()).isEqualTo(Files.size(file));
        assertThat(rec.durationMillis()).isCloseTo((long) (wav.durationSeconds() * 1000), org.assertj.core.data.Offset.offset(50L));
        assertThat(rec.durationMillis()).as("recorded from the first join to the last leave")
                .isCloseTo(Duration.between(joined[0], left[0]).toMillis(), org.assertj.core.data.Offset.offset(1500L));
    }

    @Test
    void aKilledServerLeavesAPlayableRecordingAndTheNextStartClosesItsOpenRecords() throws Exception {
        int sipPort = 15101;
        Path dir = ItSupport.outDir(getClass(), "kill-9");
        Path recordings = dir.resolve("recordings");
        Path data = dir.resolve("data");
        Path config = StoreItSupport.writeConfig(recorded(sipPort, recordings), dir.resolve("server"),
                "{ data-dir: '" + data + "' }");
        List<BaresipPeer> peers = new ArrayList<>();
        StoreItSupport.Killed killed;
        try {
            for (int i = 0; i < 2; i++) peers.add(peer(23 + i, dir, TONES_HZ[i]));
            // Longer than the billing heartbeat, so the records have been seen alive after their join.
            killed = StoreItSupport.callThenKill9(config, dir.resolve("server/parley.log"), Duration.ofSeconds(30), sipPort, peers,
                    Duration.ofSeconds(12));
        } finally {
            peers.forEach(BaresipPeer::close);
        }
        Instant firstJoin = killed.firstJoin(), killedAt = killed.killedAt();

        Path file = onlyFile(recordings);
        Wav wav = Wav.read(file);
        double expected = Duration.between(firstJoin, killedAt).toMillis() / 1000.0;
        assertThat(wav.durationSeconds()).as("the header covers the audio up to about the last second: %s", file)
                .isGreaterThan(expected - 1.6).isLessThanOrEqualTo(expected + 0.5);
        double end = wav.durationSeconds();
        assertThat(wav.levelDb(TONES_HZ[0], end - 1.5, end - 0.2)).as("audio to the end").isGreaterThan(-35);
        assertThat(wav.levelDb(TONES_HZ[1], end - 1.5, end - 0.2)).as("audio to the end").isGreaterThan(-35);

        StorageSettings db = new StorageSettings(data, "", "", "");
        assertThat(StoreItSupport.billing(db, "3000")).as("open while the server is dead")
                .allSatisfy(r -> assertThat(r.leftAt()).isNull());

        try (ParleyProcess again = ParleyProcess.start(config, dir.resolve("server/parley-again.log"), Duration.ofSeconds(30))) {
            assertThat(again.log()).contains("closed what the last run left open: 2 member records, 1 rooms, 1 recordings");
        }
        List<BillingRecord> records = StoreItSupport.billing(db, "3000");
        assertThat(records).hasSize(2).allSatisfy(r -> {
            assertThat(r.leaveReason()).isEqualTo("SERVER_STOPPED");
            assertThat(r.leftAt()).as("the last time seen: at most one heartbeat (10 s) before the kill")
                    .isBeforeOrEqualTo(killedAt).isAfter(killedAt.minusSeconds(11));
            assertThat(r.durationMillis()).isEqualTo(r.leftAt().toEpochMilli() - r.joinedAt().toEpochMilli());
        });
        // The next start brought the header up to the audio on disk, and the row says the same.
        Wav repaired = Wav.read(file);
        assertThat(repaired.durationSeconds()).isGreaterThanOrEqualTo(wav.durationSeconds());
        RecordingRecord rec = StoreItSupport.recordings(db, "3000").getFirst();
        assertThat(rec.sizeBytes()).isEqualTo(Files.size(file));
        assertThat(rec.durationMillis()).isCloseTo((long) (repaired.durationSeconds() * 1000), org.assertj.core.data.Offset.offset(50L));
    }
}
