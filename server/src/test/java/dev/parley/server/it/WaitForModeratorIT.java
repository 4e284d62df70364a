package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testkit.BaresipPeer;
import dev.parley.testkit.Goertzel;
import dev.parley.testkit.ParleyProcess;
import dev.parley.testkit.TestConfig;
import dev.parley.testkit.Wav;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Members flagged wait-for-moderator hear music, and neither hear nor are heard, until a moderator
 * joins (through a route whose flags are moderator and end-conference); when that moderator leaves,
 * everybody is hung up.
 */
class WaitForModeratorIT {
    private static final double W_HZ = 443, X_HZ = 701, MOD_HZ = 1109;
    private static final Duration LIMIT = Duration.ofSeconds(10);


    @Test
    void membersHearMusicUntilTheModeratorComesAndLeaveWhenItGoes() throws Exception {
        int port = 15095;
        Path dir = ItSupport.outDir(getClass(), "waitmod");
        TestConfig config = TestConfig.forPort(port).withoutSounds().withSounds(Map.of("music", "builtin:music"))
                .withProfileKey("flags", "'wait-for-moderator'")
                .withRoute("{ match: '^3002$', room: '3000', params: { flags: 'moderator|endconf' } }");
        BaresipPeer w = null, x = null, mod = null;
        Timeline tw;
        long bothWaiting, modIn, modOut;
        try (ParleyProcess server = ItSupport.startServer(config, dir.resolve("server"))) {
            try {
                w = ItSupport.toneCaller(dir, 7, W_HZ, -20);
                x = ItSupport.toneCaller(dir, 8, X_HZ, -20);
                mod = ItSupport.toneCaller(dir, 9, MOD_HZ, -20);
                tw = Timeline.of(w.dialAndAwaitEstablished(ItSupport.roomUri(port), LIMIT));
                x.dialAndAwaitEstablished(ItSupport.roomUri(port), LIMIT);
                bothWaiting = System.nanoTime();
                Thread.sleep(3000);
                mod.dialAndAwaitEstablished("sip:3002@127.0.0.1:" + port, LIMIT);
                modIn = System.nanoTime();
                Thread.sleep(3000);
                modOut = System.nanoTime();
                mod.hangup();
                assertThat(w.awaitEvent("CALL_CLOSED", LIMIT)).as("w hung up with the moderator").isNotNull();
                assertThat(x.awaitEvent("CALL_CLOSED", LIMIT)).as("x hung up with the moderator").isNotNull();
            } finally {
                for (BaresipPeer p : new BaresipPeer[] {w, x, mod}) if (p != null) p.close();
            }
            assertThat(server.log()).contains("waits for a moderator").contains("ends the conference");
            assertThat(server.isAlive()).isTrue();
        }
        Wav heard = w.heard();
        double musicWaiting = Goertzel.maxLevelDb(heard, Prompts.MUSIC_HZ, tw.at(bothWaiting) + 0.5, tw.at(modIn) - 0.3);
        double xWaiting = tw.peakDb(heard, X_HZ, bothWaiting, 0.5, modIn, -0.3);
        double xIn = tw.levelDb(heard, X_HZ, modIn, 0.8, modOut, 0);
        double modHeard = tw.levelDb(heard, MOD_HZ, modIn, 0.8, modOut, 0);
        double musicIn = Goertzel.maxLevelDb(heard, Prompts.MUSIC_HZ, tw.at(modIn) + 0.8, tw.at(modOut));
        String what = String.format("w hears: waiting music %.1f, x %.1f; with moderator x %.1f, moderator %.1f,"
                + " music %.1f dBFS; %s", musicWaiting, xWaiting, xIn, modHeard, musicIn, w.heardFile().orElseThrow());
        assertThat(musicWaiting).as("music while waiting; " + what).isGreaterThan(-45);
        assertThat(xWaiting).as("the other waiting member is not heard; " + what).isLessThan(-50);
        assertThat(xIn).as("x heard once the moderator is in; " + what).isGreaterThan(-30);
        assertThat(modHeard).as("moderator heard; " + what).isGreaterThan(-30);
        assertThat(musicIn).as("music stopped; " + what).isLessThan(-50);
    }
}
