package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testkit.BaresipControl;
import dev.parley.testkit.BaresipPeer;
import dev.parley.testkit.ParleyProcess;
import dev.parley.testkit.TestConfig;
import dev.parley.testkit.Wav;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Seed 003's permanent external participant, played by an auto-answering baresip: the first member
 * joining dials it, it receives the digits {@code 12#} (RFC 4733, as baresip reports them), both hear
 * each other; when it hangs up it is called again; when the last member leaves it is hung up.
 */
class ExternalParticipantIT {
    private static final double MEMBER_HZ = 443, REMOTE_HZ = 701;
    private static final Duration LIMIT = Duration.ofSeconds(10);

    private static long count(BaresipPeer p, String type) {
        return p.events().stream().filter(e -> e.type().equals(type)).count();
    }

    private static void awaitCount(BaresipPeer p, String type, int n) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (count(p, type) < n && System.nanoTime() < deadline) Thread.sleep(50);
        assertThat(count(p, type)).as("%s events of %s; %s", type, p, p.events()).isGreaterThanOrEqualTo(n);
    }

    @Test
    void theRoomKeepsItsExternalParticipantWhileMembersAreIn() throws Exception {
        int port = 15123;
        Path dir = ItSupport.outDir(getClass(), "external");
        BaresipPeer remote = null, member = null;
        Timeline tm;
        long bothIn, end;
        try {
            remote = BaresipPeer.start(BaresipPeer.Settings.slot(45, dir.resolve("remote"))
                    .withSource(Wav.tone(8000, REMOTE_HZ, 60, -20)).withLifetime(Duration.ofSeconds(60)));
            TestConfig config = TestConfig.forPort(port).withoutSounds()
                    .withProfileKey("external", "'" + remote.uri() + "'").withProfileKey("external-digits", "'12#'");
            try (ParleyProcess server = ItSupport.startServer(config, dir.resolve("server"))) {
                member = ItSupport.toneCaller(dir, 44, MEMBER_HZ, -20);
                tm = Timeline.of(member.dialAndAwaitEstablished(ItSupport.roomUri(port), LIMIT));
                remote.awaitEvent("CALL_ESTABLISHED", LIMIT);
                awaitCount(remote, "CALL_DTMF_START", 3);
                bothIn = System.nanoTime();
                Thread.sleep(2500);
                end = System.nanoTime();
                remote.hangup();                                  // the external leg drops
                awaitCount(remote, "CALL_ESTABLISHED", 2);        // and is called again
                member.hangup();
                member.awaitEvent("CALL_CLOSED", LIMIT);
                awaitCount(remote, "CALL_CLOSED", 2);             // hung up with the last member
                // The BYE leaves before the server logs why it sent it: wait for the line, bounded.
                server.awaitLog("external participant hung up", LIMIT);
                assertThat(server.log()).contains("dialling external participant").contains("redialling in")
                        .contains("external participant hung up");
                assertThat(server.isAlive()).isTrue();
            }
        } finally {
            if (member != null) member.close();
            if (remote != null) remote.close();
        }
        List<String> digits = remote.events().stream().filter(e -> e.type().equals("CALL_DTMF_START"))
                .map(BaresipControl.Event::param).toList();
        assertThat(digits).as("digits the external participant received").startsWith("1", "2", "#");
        double memberHearsRemote = tm.levelDb(member.heard(), REMOTE_HZ, bothIn, 0.3, end, 0);
        assertThat(memberHearsRemote).as("the member hears the external participant").isGreaterThan(-35);
    }
}
