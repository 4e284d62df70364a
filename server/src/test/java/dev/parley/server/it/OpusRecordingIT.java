package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.config.StorageSettings;
import dev.parley.server.store.RecordingRecord;
import dev.parley.testkit.BaresipPeer;
import dev.parley.testkit.Goertzel;
import dev.parley.testkit.OggOpusFile;
import dev.parley.testkit.ParleyProcess;
import dev.parley.testkit.TestConfig;
import dev.parley.testkit.Wav;
import io.github.jaredmdobson.concentus.OpusDecoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rooms recorded with {@code record-format: opus}. A three-party call, paused for a while through the
 * API: the file is Opus in Ogg that an independent reader (testkit {@link OggOpusFile}: pages, CRCs,
 * headers) and a decoder take, the decoded audio holds all three callers' tones, the pause is not in
 * it, and its row in the store has the file's size and length. A {@code kill -9} during a recording
 * leaves a file that reads to within about a second of the kill, and the next start closes its row.
 *
 * <p>Ports: SIP 15232-15233, API 15237, baresip slots 72-74.
 */
class OpusRecordingIT {
    private static final double[] TONES_HZ = {443, 701, 1109};
    private static final Duration EVENT_LIMIT = Duration.ofSeconds(15);
    /** Codec warm-up alone took 13 s on the shared 2-core machine at a load of 19. */
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(90);

    private static Path opusConfig(int sipPort, int apiPort, Path dir, Path recordings, Path data) throws Exception {
        TestConfig config = TestConfig.forPort(sipPort).withoutSounds().withApiPort(apiPort)
                .withProfileKey("record", "true")
                .withProfileKey("record-format", "opus")
                // The extension follows the format: .wav here becomes .opus.
                .withProfileKey("record-path", "'" + recordings + "/${conference_name}.wav'");
        return StoreItSupport.writeConfig(config, dir.resolve("server"), "{ data-dir: '" + data + "' }");
    }

    @Test
    void aThreePartyCallRecordedAsOpusDecodesWithEveryToneAndWithoutItsPause() throws Exception {
        int sipPort = 15232, apiPort = 15237;
        Path dir = ItSupport.outDir(getClass(), "three-party-opus");
        Path recordings = dir.resolve("recordings");
        Path data = dir.resolve("data");
        Path configFile = opusConfig(sipPort, apiPort, dir, recordings, data);
        List<BaresipPeer> peers = new ArrayList<>();
        Instant firstJoin, allIn, pausedAt, resumedAt, lastLeft;
        try (ParleyProcess server = ParleyProcess.start(configFile, dir.resolve("server/parley.log"), STARTUP_LIMIT)) {
            try {
                for (int i = 0; i < 3; i++) peers.add(ItSupport.toneCaller(dir, 72 + i, TONES_HZ[i], -16));
                peers.get(0).dialAndAwaitEstablished(ItSupport.roomUri(sipPort), EVENT_LIMIT);
                firstJoin = Instant.now();
                for (int i = 1; i < 3; i++) peers.get(i).dialAndAwaitEstablished(ItSupport.roomUri(sipPort), EVENT_LIMIT);
                allIn = Instant.now();
                ItSupport.letAudioFlow(Duration.ofSeconds(3));
                ApiClient api = new ApiClient(apiPort, ApiClient.generatedToken(dir.resolve("server")));
                ApiClient.Reply paused = api.post("/api/v1/rooms/3000/recording/pause", null);
                pausedAt = Instant.now();
                assertThat(paused.status()).as("%s", paused.body()).isEqualTo(200);
                assertThat(paused.body().path("paused").asBoolean()).isTrue();
                assertThat(api.post("/api/v1/rooms/nope/recording/pause", null).status()).isEqualTo(404);
                ItSupport.letAudioFlow(Duration.ofSeconds(3));
                ApiClient.Reply resumed = api.post("/api/v1/rooms/3000/recording/resume", null);
                resumedAt = Instant.now();
                assertThat(resumed.body().path("paused").asBoolean()).isFalse();
                ItSupport.letAudioFlow(Duration.ofSeconds(2));
                for (BaresipPeer p : peers) p.hangup();
                for (BaresipPeer p : peers) p.awaitEvent("CALL_CLOSED", EVENT_LIMIT);
                lastLeft = Instant.now();
                server.awaitLog("recording " + recordings, EVENT_LIMIT);
            } finally {
                peers.forEach(BaresipPeer::close);
            }
        }

        Path file = recordings.resolve("3000.opus");
        assertThat(file).exists();
        OggOpusFile ogg = OggOpusFile.read(file);
        assertThat(ogg.channels()).isEqualTo(1);
        assertThat(ogg.inputRateHz()).isEqualTo(8000);
        assertThat(ogg.endOfStream()).as("closed cleanly").isTrue();
        OpusDecoder decoder = new OpusDecoder(8000, 1);
        Wav audio = ogg.decode(8000, (p, out) -> decoder.decode(p, 0, p.length, out, 0, out.length, false));
        // Before the pause, all three were in; the file's time then is the call's.
        double from = Duration.between(firstJoin, allIn).toMillis() / 1000.0 + 0.3;
        double to = Duration.between(firstJoin, pausedAt).toMillis() / 1000.0 - 0.3;
        for (double hz : TONES_HZ) {
            assertThat(Goertzel.medianLevelDb(audio, hz, from, to))
                    .as("%.0f Hz in %s between %.1f and %.1f s", hz, file, from, to).isGreaterThan(-35);
        }
        assertThat(Goertzel.peakBlockLevelDb(audio, 1500, from, to)).as("no tone nobody sent").isLessThan(-45);

        RecordingRecord rec = StoreItSupport.recordings(new StorageSettings(data, "", "", ""), "3000").getFirst();
        assertThat(rec.path()).isEqualTo(file.toString());
        assertThat(rec.sizeBytes()).isEqualTo(Files.size(file));
        assertThat(rec.durationMillis()).as("the row's length is the file's")
                .isCloseTo((long) (ogg.durationSeconds() * 1000), org.assertj.core.data.Offset.offset(40L));
        long pauseMillis = Duration.between(pausedAt, resumedAt).toMillis();
        assertThat(rec.durationMillis()).as("the call from the first join, less the %d ms paused", pauseMillis)
                .isCloseTo(Duration.between(firstJoin, lastLeft).toMillis() - pauseMillis, org.assertj.core.data.Offset.offset(1500L));
        assertThat(Files.size(file)).as("Opus: under a quarter of 16-bit PCM's 16 bytes per ms")
                .isLessThan(rec.durationMillis() * 16 / 4);
    }

    @Test
    void aKilledServerLeavesAnOpusFileThatReadsToAboutTheKillAndTheNextStartClosesItsRow() throws Exception {
        int sipPort = 15233;
        Path dir = ItSupport.outDir(getClass(), "kill-9-opus");
        Path recordings = dir.resolve("recordings");
        Path data = dir.resolve("data");
        Path configFile = opusConfig(sipPort, 0, dir, recordings, data);
        List<BaresipPeer> peers = new ArrayList<>();
        StoreItSupport.Killed killed;
        try {
            for (int i = 0; i < 2; i++) peers.add(ItSupport.toneCaller(dir, 72 + i, TONES_HZ[i], -16));
            killed = StoreItSupport.callThenKill9(configFile, dir.resolve("server/parley.log"), STARTUP_LIMIT, sipPort, peers,
                    Duration.ofSeconds(5));
        } finally {
            peers.forEach(BaresipPeer::close);
        }
        Instant firstJoin = killed.firstJoin(), killedAt = killed.killedAt();
        Path file = recordings.resolve("3000.opus");
        OggOpusFile ogg = OggOpusFile.read(file);
        assertThat(ogg.endOfStream()).as("never closed").isFalse();
        double expected = Duration.between(firstJoin, killedAt).toMillis() / 1000.0;
        assertThat(ogg.durationSeconds()).as("whole pages up to about the last second before the kill: %s", file)
                .isGreaterThan(expected - 2.0).isLessThanOrEqualTo(expected + 0.5);
        OpusDecoder decoder = new OpusDecoder(8000, 1);
        Wav audio = ogg.decode(8000, (p, out) -> decoder.decode(p, 0, p.length, out, 0, out.length, false));
        double end = audio.durationSeconds();
        for (int i = 0; i < 2; i++) {
            assertThat(Goertzel.medianLevelDb(audio, TONES_HZ[i], end - 1.5, end - 0.2)).as("audio to the end").isGreaterThan(-35);
        }

        try (ParleyProcess again = ParleyProcess.start(configFile, dir.resolve("server/parley-again.log"), STARTUP_LIMIT)) {
            assertThat(again.log()).contains("closed what the last run left open: 2 member records, 1 rooms, 1 recordings");
        }
        RecordingRecord rec = StoreItSupport.recordings(new StorageSettings(data, "", "", ""), "3000").getFirst();
        OggOpusFile after = OggOpusFile.read(file);
        assertThat(rec.sizeBytes()).isEqualTo(Files.size(file));
        assertThat(rec.durationMillis()).isCloseTo((long) (after.durationSeconds() * 1000), org.assertj.core.data.Offset.offset(40L));
    }
}
