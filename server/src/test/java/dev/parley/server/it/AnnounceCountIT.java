package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testkit.BaresipPeer;
import dev.parley.testkit.ParleyProcess;
import dev.parley.testkit.TestConfig;
import dev.parley.testkit.Wav;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * announce-count: a member who joins hears how many are in the room, spoken, and nothing else (the
 * room has no other sounds and the other member sends silence). The first hears "you are the only
 * person", the second "there are two people".
 */
class AnnounceCountIT {
    private static final Duration LIMIT = Duration.ofSeconds(10);

    @Test
    void eachMemberWhoJoinsHearsTheCount() throws Exception {
        int port = 15124;
        Path dir = ItSupport.outDir(getClass(), "count");
        BaresipPeer a = null, b = null;
        try (ParleyProcess server = ItSupport.startServer(
                TestConfig.forPort(port).withoutSounds().withProfileKey("announce-count", "true"), dir.resolve("server"))) {
            try {
                a = BaresipPeer.start(BaresipPeer.Settings.slot(46, dir.resolve("a")).withSource(Wav.silence(8000, 30))
                        .withLifetime(Duration.ofSeconds(40)));
                b = BaresipPeer.start(BaresipPeer.Settings.slot(47, dir.resolve("b")).withSource(Wav.silence(8000, 30))
                        .withLifetime(Duration.ofSeconds(40)));
                a.dialAndAwaitEstablished(ItSupport.roomUri(port), LIMIT);
                Thread.sleep(3500);
                b.dialAndAwaitEstablished(ItSupport.roomUri(port), LIMIT);
                Thread.sleep(4000);
                a.hangup();
                b.hangup();
                a.awaitEvent("CALL_CLOSED", LIMIT);
                b.awaitEvent("CALL_CLOSED", LIMIT);
            } finally {
                if (a != null) a.close();
                if (b != null) b.close();
            }
            assertThat(server.isAlive()).isTrue();
        }
        double aSpeech = a.heard().rmsDb(0.2, 3.0);
        double bSpeech = b.heard().rmsDb(0.2, 3.5);
        double bLater = b.heard().durationSeconds() > 4 ? b.heard().rmsDb(3.6, b.heard().durationSeconds() - 0.3) : -200;
        String what = String.format("first member %.1f dBFS RMS, second %.1f, second after the count %.1f", aSpeech, bSpeech, bLater);
        assertThat(aSpeech).as("the first member is told it is alone; " + what).isGreaterThan(-40);
        assertThat(bSpeech).as("the second member hears the count; " + what).isGreaterThan(-40);
        assertThat(bLater).as("and then silence; " + what).isLessThan(-55);
    }
}
