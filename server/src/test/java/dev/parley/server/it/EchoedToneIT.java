package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testkit.BaresipPeer;
import dev.parley.testkit.Goertzel;
import dev.parley.testkit.ParleyProcess;
import dev.parley.testkit.Sipp;
import dev.parley.testkit.TestConfig;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A member whose packets are locked to the mixer's clock: a sipp caller that echoes what it hears
 * ({@code -rtp_echo}), so its packets come back a fraction of a millisecond after each tick sent them.
 * Carol, a baresip, plays a tone and hears it back through the echo; every 0.25 s Goertzel block after
 * the first second of the echo must read within a few dB of the others. A jitter buffer that cuts a
 * few samples out and later holds a frame to give them back makes the tone jump in phase, and such
 * blocks then read anywhere from -24 to -61 dB. (The cut-and-hold in ScheduledRetryIT came after a
 * stall of the whole machine; on a calm machine this test passed before the fix too: the unit tests
 * PhaseLockedStreamTest and phase-locked.jbt are the ones that reproduce the oscillation.)
 *
 * <p>Ports: Parley SIP 15330, API 8650, sipp SIP 5510 with media 18900 (and 18902), baresip slot 89.
 */
class EchoedToneIT {
    private static final int SIP_PORT = 15330, API_PORT = 8650, SIPP_PORT = 5510, SIPP_MEDIA = 18900;
    private static final double CAROL_HZ = 701;
    private static final Duration LIMIT = Duration.ofSeconds(10), ECHO = Duration.ofSeconds(5);

    @Test
    void aToneEchoedByAMemberLockedToTheMixerClockComesBackSteady() throws Exception {
        var dir = ItSupport.outDir(getClass(), "echoedTone");
        TestConfig config = TestConfig.forPort(SIP_PORT).withoutSounds().withApiPort(API_PORT);
        double[] blocks;
        Timeline tc;
        long echoFrom, echoTo;
        BaresipPeer carol = null;
        try (ParleyProcess server = ItSupport.startServer(config, dir.resolve("server"))) {
            ApiClient api = new ApiClient(API_PORT, ApiClient.generatedToken(dir.resolve("server")));
            try {
                carol = ItSupport.toneCaller(dir, 89, CAROL_HZ, -20);
                tc = Timeline.of(carol.dialAndAwaitEstablished(ItSupport.roomUri(SIP_PORT), LIMIT));
                try (Sipp echo = Sipp.scenario(ItSupport.resource("sipp/uac-listen.xml"), dir.resolve("echo"))
                        .target(SIP_PORT).service(ItSupport.ROOM).sipPort(SIPP_PORT).mediaPort(SIPP_MEDIA)
                        .key("rtp_port", Integer.toString(SIPP_MEDIA)) // sipp's own media port, which echoes
                        .key("hold_ms", Long.toString(ECHO.plusSeconds(3).toMillis()))
                        .timeout(ECHO.plusSeconds(25)).args("-rtp_echo").start()) {
                    api.awaitMembers(ItSupport.ROOM, 2, LIMIT);
                    echoFrom = System.nanoTime();
                    ItSupport.letAudioFlow(ECHO);
                    echoTo = System.nanoTime();
                    Sipp.Result r = echo.await();
                    assertThat(r.succeeded()).as("the echoing member's call; " + r.describe()).isTrue();
                }
                carol.hangup();
                carol.awaitEvent("CALL_CLOSED", LIMIT);
            } finally {
                if (carol != null) carol.close();
            }
            assertThat(server.isAlive()).isTrue();
        }
        // The first second lets the echo's jitter buffer start and settle.
        blocks = Goertzel.blockLevelsDb(carol.heard(), CAROL_HZ, tc.at(echoFrom) + 1, tc.at(echoTo));
        double[] sorted = blocks.clone();
        Arrays.sort(sorted);
        String what = "Carol's tone heard back through the echo, 0.25 s blocks (dBFS): " + Arrays.toString(
                Arrays.stream(blocks).map(b -> Math.round(b * 10) / 10.0).toArray()) + "; " + carol.heardFile().orElseThrow();
        assertThat(blocks.length).as(what).isGreaterThanOrEqualTo(12);
        assertThat(sorted[sorted.length / 2]).as("the echo is heard; " + what).isGreaterThan(-35);
        assertThat(sorted[sorted.length - 1] - sorted[0]).as("every block within a few dB; " + what).isLessThan(4);
    }
}
