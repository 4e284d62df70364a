package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testkit.BaresipControl;
import dev.parley.testkit.BaresipPeer;
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
 * A sipp caller that offers no telephone-event dials {@code 3000*1234} (the PIN in the dialled
 * number, so it is not asked) and streams a tone, then the DTMF tones of {@code 0} in its audio, then
 * the tone again: the server detects the key in-band and mutes it. A baresip member who came in
 * through a route without a PIN hears the tone before the key and not after.
 */
class InBandKeysIT {
    private static final double TONE_HZ = 1109;
    private static final Duration LIMIT = Duration.ofSeconds(10);

    /** The key 0 of the DTMF grid: 941 Hz and 1336 Hz together, -10 dBFS each. */
    private static Wav key0(double seconds) {
        Wav low = Wav.tone(8000, 941, seconds, -10), high = Wav.tone(8000, 1336, seconds, -10);
        short[] s = new short[low.samples().length];
        for (int i = 0; i < s.length; i++) s[i] = (short) (low.samples()[i] + high.samples()[i]);
        return new Wav(8000, s);
    }

    @Test
    void aKeyInTheAudioMutesACallerWithoutTelephoneEvent() throws Exception {
        int port = 15097;
        Path dir = ItSupport.outDir(getClass(), "inband");
        Files.createDirectories(dir);
        Wav audio = Wav.tone(8000, TONE_HZ, 3, -16).concat(Wav.silence(8000, 0.3)).concat(key0(0.15))
                .concat(Wav.silence(8000, 0.3)).concat(Wav.tone(8000, TONE_HZ, 5, -16));
        Path ulaw = dir.resolve("tone-key0-tone.ulaw");
        Files.write(ulaw, G711.encode(audio.samples(), G711.PT_PCMU));
        TestConfig config = TestConfig.forPort(port).withoutSounds()
                .withProfileKey("pin", "'1234'")
                .withRoute("{ match: '^3001$', room: '3000', params: { pin: none } }");
        BaresipPeer listener = null;
        BaresipControl.Event established;
        long sippStart;
        Sipp.Result talked;
        try (ParleyProcess server = ItSupport.startServer(config, dir.resolve("server"))) {
            try {
                listener = BaresipPeer.start(BaresipPeer.Settings.slot(37, dir.resolve("listener"))
                        .withSource(Wav.silence(8000, 30)).withLifetime(Duration.ofSeconds(40)));
                established = listener.dialAndAwaitEstablished("sip:3001@127.0.0.1:" + port, LIMIT);
                try (Sipp talker = Sipp.scenario(ItSupport.resource("sipp/uac-stream.xml"), dir.resolve("talker"))
                        .target(port).service("3000*1234").sipPort(5114).mediaPort(16500)
                        .timeout(Duration.ofSeconds(20))
                        .key("rtp_stream", ulaw + ",1,0").key("hold_ms", "9000").start()) {
                    sippStart = talker.startNanos();
                    talked = talker.await();
                }
                listener.hangup();
                listener.awaitEvent("CALL_CLOSED", LIMIT);
            } finally {
                if (listener != null) listener.close();
            }
            assertThat(server.log()).contains("PIN accepted").contains("digit '0'").contains("inband")
                    .doesNotContain("1234");
            assertThat(server.isAlive()).isTrue();
        }
        assertThat(talked.succeeded()).as(talked.describe()).isTrue();
        Wav heard = listener.heard();
        double offset = (sippStart - established.receivedNanos()) / 1e9;
        double before = heard.levelDb(TONE_HZ, offset + 1.0, offset + 2.9);
        double after = heard.levelDb(TONE_HZ, offset + 4.5, offset + 7.5);
        String what = String.format("tone before the key %.1f, after %.1f dBFS; %s", before, after,
                listener.heardFile().orElseThrow());
        assertThat(before).as("heard: the dialled PIN let it in; " + what).isGreaterThan(-30);
        assertThat(after).as("muted by the in-band key; " + what).isLessThan(-50);
    }
}
