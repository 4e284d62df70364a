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
 * Keys sent as SIP INFO (application/dtmf-relay) by a sipp caller that streams a tone into a room with
 * a PIN; a baresip member who came in through a route without a PIN listens. The caller is not heard
 * before it keys the PIN, is heard after {@code 1234#}, and is not heard after it keys {@code 0}
 * (mute). Times are seconds after sipp started; the listener's recording is aligned to them by its
 * CALL_ESTABLISHED event.
 */
class InfoKeysIT {
    private static final double TONE_HZ = 1109;
    private static final Duration LIMIT = Duration.ofSeconds(10);

    @Test
    void aPinAndTheMuteKeyArriveAsSipInfo() throws Exception {
        int port = 15090;
        Path dir = ItSupport.outDir(getClass(), "pinAndMute");
        Path ulaw = dir.resolve("tone.ulaw");
        Files.createDirectories(dir);
        Files.write(ulaw, G711.encode(Wav.tone(8000, TONE_HZ, 2, -16).samples(), G711.PT_PCMU));
        TestConfig config = TestConfig.forPort(port).withoutSounds()
                .withProfileKey("pin", "'1234'")
                .withRoute("{ match: '^3001$', room: '3000', params: { pin: none } }");
        Sipp.Result talked;
        long sippStart;
        BaresipControl.Event established;
        BaresipPeer listener = null;
        try (ParleyProcess server = ItSupport.startServer(config, dir.resolve("server"))) {
            try {
                listener = BaresipPeer.start(BaresipPeer.Settings.slot(16, dir.resolve("listener"))
                        .withSource(Wav.silence(8000, 30)).withLifetime(Duration.ofSeconds(40)));
                established = listener.dialAndAwaitEstablished("sip:3001@127.0.0.1:" + port, LIMIT);
                try (Sipp talker = Sipp.scenario(ItSupport.resource("sipp/uac-info-keys.xml"), dir.resolve("talker"))
                        .target(port).service(ItSupport.ROOM).sipPort(5110).mediaPort(16300)
                        .timeout(Duration.ofSeconds(25))
                        .key("rtp_stream", ulaw + ",-1,0").key("keys_after_ms", "2000")
                        .key("d1", "1").key("d2", "2").key("d3", "3").key("d4", "4").key("d5", "#")
                        .key("gap_ms", "3000").key("d6", "0").key("hold_ms", "3000").start()) {
                    sippStart = talker.startNanos();
                    talked = talker.await();
                }
                listener.hangup();
                listener.awaitEvent("CALL_CLOSED", LIMIT);
            } finally {
                if (listener != null) listener.close();
            }
            assertThat(server.isAlive()).isTrue();
            assertThat(server.log()).contains("PIN accepted").contains("keys '0' -> mute");
        }
        assertThat(talked.succeeded()).as(talked.describe()).isTrue();

        // INFOs: 1 at 2.0 s, 2 at 2.5, 3 at 3.0, 4 at 3.5, # at 4.0; 0 at 7.5; BYE at about 11.
        Wav heard = listener.heard();
        double offset = (sippStart - established.receivedNanos()) / 1e9;
        double beforePin = heard.levelDb(TONE_HZ, offset + 0.8, offset + 3.6);
        double joined = heard.levelDb(TONE_HZ, offset + 4.7, offset + 7.2);
        double muted = heard.levelDb(TONE_HZ, offset + 8.3, offset + 10.3);
        String what = String.format("tone before PIN %.1f, after PIN %.1f, after mute %.1f dBFS; %s",
                beforePin, joined, muted, listener.heardFile().orElseThrow());
        assertThat(beforePin).as("not heard before the PIN; " + what).isLessThan(-50);
        assertThat(joined).as("heard after the PIN; " + what).isGreaterThan(-30);
        assertThat(muted).as("not heard once muted; " + what).isLessThan(-50);
    }
}
