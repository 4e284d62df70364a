package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testkit.BaresipPeer;
import dev.parley.testkit.Goertzel;
import dev.parley.testkit.ParleyProcess;
import dev.parley.testkit.TestConfig;
import dev.parley.testkit.Wav;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Three real SIP clients (baresip) in room 3000, each sending its own steady tone: every member
 * hears the other two and not itself (mix-minus), with PCMU and with PCMA.
 *
 * <p>The tones, 443, 701 and 1109 Hz, are not harmonics of one another, no low-order mixing product
 * of two lands on the third, and they share no common divisor like 50 Hz: G.711 quantisation of a
 * mix of round-number tones puts noise lines exactly on the other round numbers (measured -67 dBFS
 * at 1100 Hz for a 700 Hz tone through PCMA, against -79 dBFS or lower for these). The config has no
 * sounds, so the mix carries only the members' audio.
 * All three join first, then the call runs {@value #TALK_SECONDS} s, then all hang up; each
 * recording is measured over its last 4 s before the hang-up (minus 0.5 s), when all three were in.
 */
class ConferenceToneIT {

    private static final double[] TONES_HZ = {443, 701, 1109};
    private static final double TONE_DBFS = -16;
    private static final int TALK_SECONDS = 6;
    private static final Duration EVENT_LIMIT = Duration.ofSeconds(10);

    @ParameterizedTest(name = "{0}")
    @CsvSource({"PCMU, 15061", "PCMA, 15062"})
    void everyMemberHearsTheOthersAndNotItself(String codec, int sipPort) throws Exception {
        Path dir = ItSupport.outDir(getClass(), codec);
        List<BaresipPeer> peers = new ArrayList<>();
        try (ParleyProcess server = ItSupport.startServer(
                TestConfig.forPort(sipPort).withoutSounds().withLonely(false), dir.resolve("server"))) {
            try {
                for (int slot = 0; slot < TONES_HZ.length; slot++) {
                    peers.add(BaresipPeer.start(BaresipPeer.Settings.slot(slot, dir.resolve("peer" + slot))
                            .withSource(Wav.tone(8000, TONES_HZ[slot], 10, TONE_DBFS))
                            .withCodecs(codec + "/8000/1")
                            .withLifetime(Duration.ofSeconds(40))));
                }
                for (BaresipPeer p : peers) p.dialAndAwaitEstablished(ItSupport.roomUri(sipPort), EVENT_LIMIT);

                ItSupport.letAudioFlow(Duration.ofSeconds(TALK_SECONDS));

                for (BaresipPeer p : peers) {
                    assertThat(p.events()).as("%s still in the call", p)
                            .noneMatch(e -> e.type().equals("CALL_CLOSED"));
                }
                for (BaresipPeer p : peers) p.hangup();
                for (BaresipPeer p : peers) p.awaitEvent("CALL_CLOSED", EVENT_LIMIT);
            } finally {
                peers.forEach(BaresipPeer::close); // the recordings are complete once baresip is gone
            }
            assertThat(server.isAlive()).as("server still running").isTrue();
        }

        for (int me = 0; me < peers.size(); me++) {
            BaresipPeer p = peers.get(me);
            assertThat(p.log()).as("slot %d negotiated %s", me, codec)
                    .contains("Set audio decoder: " + codec).contains("Set audio encoder: " + codec);
            Wav heard = p.heard();
            assertThat(heard.durationSeconds()).as("slot %d recording length", me).isGreaterThan(TALK_SECONDS - 1.0);
            double end = heard.durationSeconds() - 0.5, start = end - 4;

            // Median and loudest 0.25 s blocks: one concealed packet (a phase jump) must not sway it.
            double own = Goertzel.peakBlockLevelDb(heard, TONES_HZ[me], start, end);
            double weakestOther = 0;
            StringBuilder levels = new StringBuilder();
            for (int other = 0; other < TONES_HZ.length; other++) {
                double level = other == me ? own : Goertzel.medianLevelDb(heard, TONES_HZ[other], start, end);
                levels.append(String.format(" %.0f Hz: %.1f dBFS;", TONES_HZ[other], level));
                if (other != me) weakestOther = Math.min(weakestOther, level);
            }
            String what = String.format("slot %d (sends %.0f Hz), heard %.1f-%.1f s of %s:%s",
                    me, TONES_HZ[me], start, end, p.heardFile().orElseThrow(), levels);
            assertThat(weakestOther).as("others audible; " + what).isGreaterThan(-35);
            assertThat(own).as("own tone absent; " + what).isLessThan(-50).isLessThan(weakestOther - 25);
        }
    }
}
