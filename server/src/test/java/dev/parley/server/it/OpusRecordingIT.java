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
 * A three-party call recorded with {@code record-format: opus}: the file is Opus in Ogg that an
 * independent reader (testkit {@link OggOpusFile}: pages, CRCs, headers) and a decoder take, and the
 * decoded audio holds all three callers' tones; its row in the store has the file's size and length.
 *
 * <p>Ports: SIP 15232, baresip slots 65-67.
 */
class OpusRecordingIT {
    private static final double[] TONES_HZ = {443, 701, 1109};
    private static final Duration EVENT_LIMIT = Duration.ofSeconds(15);
    /** Codec warm-up alone took 13 s on the shared 2-core machine at a load of 19. */
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(90);

    @Test
    void aThreePartyCallRecordedAsOpusDecodesWithEveryTone() throws Exception {
        int sipPort = 15232;
        Path dir = ItSupport.outDir(getClass(), "three-party-opus");
        Path recordings = dir.resolve("recordings");
        Path data = dir.resolve("data");
        TestConfig config = TestConfig.forPort(sipPort).withoutSounds()
                .withProfileKey("record", "true")
                .withProfileKey("record-format", "opus")
                // The extension follows the format: .wav here becomes .opus.
                .withProfileKey("record-path", "'" + recordings + "/${conference_name}.wav'");
        Path configFile = StoreItSupport.writeConfig(config, dir.resolve("server"), "{ data-dir: '" + data + "' }");
        List<BaresipPeer> peers = new ArrayList<>();
        Instant firstJoin, allIn;
        try (ParleyProcess server = ParleyProcess.start(configFile, dir.resolve("server/parley.log"), STARTUP_LIMIT)) {
            try {
                for (int i = 0; i < 3; i++) peers.add(ItSupport.toneCaller(dir, 65 + i, TONES_HZ[i], -16));
                peers.get(0).dialAndAwaitEstablished(ItSupport.roomUri(sipPort), EVENT_LIMIT);
                firstJoin = Instant.now();
                for (int i = 1; i < 3; i++) peers.get(i).dialAndAwaitEstablished(ItSupport.roomUri(sipPort), EVENT_LIMIT);
                allIn = Instant.now();
                ItSupport.letAudioFlow(Duration.ofSeconds(4));
                for (BaresipPeer p : peers) p.hangup();
                for (BaresipPeer p : peers) p.awaitEvent("CALL_CLOSED", EVENT_LIMIT);
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
        double from = Duration.between(firstJoin, allIn).toMillis() / 1000.0 + 0.5;
        double to = from + 3;
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
        assertThat(rec.durationMillis()).as("the whole call, from the first join").isGreaterThan(4000);
        assertThat(Files.size(file)).as("Opus: under a quarter of 16-bit PCM's 16 bytes per ms")
                .isLessThan(rec.durationMillis() * 16 / 4);
    }
}
