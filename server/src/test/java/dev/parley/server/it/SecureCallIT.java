package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testkit.BaresipPeer;
import dev.parley.testkit.Goertzel;
import dev.parley.testkit.ParleyProcess;
import dev.parley.testkit.Sipp;
import dev.parley.testkit.TestConfig;
import dev.parley.testkit.Wav;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * SIP over TLS and SRTP with real peers. Room 3000 has three doors: {@code 3000} (SRTP optional, the
 * default), {@code 3001} (SRTP required) and {@code 3002} (SRTP off). A baresip with {@code mediaenc
 * srtp-mand} calls {@code 3001;transport=tls} over TLS and a plain baresip calls {@code 3000} over UDP; each
 * sends its own tone and must hear the other's. baresip's srtp module drops every packet that does not
 * authenticate under our key, and Parley drops every packet that does not authenticate under
 * baresip's, so the tones crossing prove the transform both ways. Plain and SAVP-only offers to the
 * wrong doors get 488 (sipp).
 *
 * <p>Ports: Parley SIP 15240-15249, TLS 15250-15259; baresip slots 70-74; sipp SIP 5440-5449, media
 * 18400-18499.
 */
class SecureCallIT {

    private static final double SECURE_HZ = 443;
    private static final double PLAIN_HZ = 701;
    private static final double TONE_DBFS = -16;
    private static final int TALK_SECONDS = 6;
    private static final Duration EVENT_LIMIT = Duration.ofSeconds(15);
    private static final Duration SIPP_LIMIT = Duration.ofSeconds(20);

    /** The test config with SIP over TLS on {@code tlsPort} (self-signed certificate) and the three doors. */
    private static Path writeConfig(int sipPort, int tlsPort, Path dir) throws IOException {
        TestConfig c = TestConfig.forPort(sipPort).withoutSounds().withLonely(false)
                .withRoute("{ match: '^3001$', room: '3000', params: { srtp: required } }")
                .withRoute("{ match: '^3002$', room: '3000', params: { srtp: 'off' } }");
        String yaml = c.yaml().replace("transports: [udp, tcp] }", "transports: [udp, tcp, tls], tls-port: " + tlsPort + " }");
        assertThat(yaml).contains("tls-port: " + tlsPort);
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve("parley.yaml"), yaml);
    }

    private static ParleyProcess start(int sipPort, int tlsPort, Path dir) throws IOException {
        return ParleyProcess.start(writeConfig(sipPort, tlsPort, dir), dir.resolve("parley.log"), Duration.ofSeconds(60));
    }

    @Test
    void aTlsSrtpCallerAndAPlainCallerHearEachOther() throws Exception {
        // A short directory: baresip 1.0's sndfile cuts long recording paths (enc and dec then share one file).
        Path dir = ItSupport.outDir(getClass(), "tls-srtp");
        int sipPort = 15240, tlsPort = 15250;
        BaresipPeer secure = null, plain = null;
        try (ParleyProcess server = start(sipPort, tlsPort, dir.resolve("server"))) {
            try {
                BaresipPeer.Settings s = BaresipPeer.Settings.slot(70, dir.resolve("secure"))
                        .withSource(Wav.tone(8000, SECURE_HZ, 10, TONE_DBFS)).withCodecs("PCMU/8000/1")
                        .withLifetime(Duration.ofSeconds(45));
                secure = BaresipPeer.start(s, "<sip:peer70@127.0.0.1:" + s.sipPort()
                        + ">;regint=0;answermode=auto;audio_codecs=PCMU/8000/1;mediaenc=srtp-mand");
                plain = BaresipPeer.start(BaresipPeer.Settings.slot(71, dir.resolve("plain"))
                        .withSource(Wav.tone(8000, PLAIN_HZ, 10, TONE_DBFS)).withCodecs("PCMU/8000/1")
                        .withLifetime(Duration.ofSeconds(45)));
                // baresip 1.0 dials sips: URIs as sip:sips:...; transport=tls is how it reaches a TLS port.
                secure.dialAndAwaitEstablished("sip:3001@127.0.0.1:" + tlsPort + ";transport=tls", EVENT_LIMIT);
                plain.dialAndAwaitEstablished(ItSupport.roomUri(sipPort), EVENT_LIMIT);

                ItSupport.letAudioFlow(Duration.ofSeconds(TALK_SECONDS));

                for (BaresipPeer p : new BaresipPeer[] {secure, plain}) {
                    assertThat(p.events()).as("%s still in the call", p).noneMatch(e -> e.type().equals("CALL_CLOSED"));
                }
                secure.hangup();
                plain.hangup();
                secure.awaitEvent("CALL_CLOSED", EVENT_LIMIT);
                plain.awaitEvent("CALL_CLOSED", EVENT_LIMIT);
            } finally {
                if (secure != null) secure.close();
                if (plain != null) plain.close();
            }
            assertThat(server.isAlive()).as("server still running").isTrue();
        }
        // The signalling went over TLS and the answer gave SDES keys (baresip traces the decrypted SIP).
        assertThat(secure.log()).as("INVITE over TLS").contains("SIP/2.0/TLS");
        assertThat(secure.log()).as("our answer is SRTP with a key").contains("RTP/SAVP").contains("a=crypto:");
        assertThat(plain.log()).as("the plain member stays plain").doesNotContain("a=crypto:");
        assertHearsOnly(secure, PLAIN_HZ, SECURE_HZ);
        assertHearsOnly(plain, SECURE_HZ, PLAIN_HZ);
    }

    @Test
    void aPlainOfferWhereSrtpIsRequiredGets488(TestInfo info) throws Exception {
        Path dir = ItSupport.outDir(getClass(), info.getTestMethod().orElseThrow().getName());
        int sipPort = 15241, tlsPort = 15251;
        try (ParleyProcess server = start(sipPort, tlsPort, dir.resolve("server"))) {
            Sipp.Result r = Sipp.scenario(ItSupport.resource("sipp/uac-expect-488.xml"), dir.resolve("sipp"))
                    .target(sipPort).service("3001").sipPort(5440).mediaPort(18400).timeout(SIPP_LIMIT).run();
            assertThat(r.succeeded()).as(r.describe()).isTrue();
            Sipp.Result savp = Sipp.scenario(ItSupport.resource("sipp/uac-savp-expect-488.xml"), dir.resolve("sipp-savp"))
                    .target(sipPort).service("3002").sipPort(5441).mediaPort(18410).timeout(SIPP_LIMIT).run();
            assertThat(savp.succeeded()).as(savp.describe()).isTrue();
            assertThat(server.isAlive()).isTrue();
            assertThat(server.log()).contains("this room requires SRTP").contains("SRTP is off in this room");
        }
    }

    /** Hears {@code otherHz} clearly and not its own {@code ownHz} (mix-minus), measured like ConferenceToneIT. */
    private static void assertHearsOnly(BaresipPeer p, double otherHz, double ownHz) throws IOException {
        Wav heard = p.heard();
        assertThat(heard.durationSeconds()).as("%s recording length", p).isGreaterThan(TALK_SECONDS - 1.0);
        double end = heard.durationSeconds() - 0.5, start = end - 4;
        double other = Goertzel.medianLevelDb(heard, otherHz, start, end);
        double own = Goertzel.peakBlockLevelDb(heard, ownHz, start, end);
        String what = String.format("%s heard %.0f Hz at %.1f dBFS and its own %.0f Hz at %.1f dBFS in %s",
                p, otherHz, other, ownHz, own, p.heardFile().orElseThrow());
        assertThat(other).as("the other member audible; " + what).isGreaterThan(-35);
        assertThat(own).as("own tone absent; " + what).isLessThan(-50);
    }
}
