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
 * A call Parley placed has the room's keypad like a caller who dialled in: a registered baresip
 * extension that a room auto-dialled mutes and unmutes itself with {@code 0}, and the caller who
 * started the room stops and starts hearing it. Ports: Parley SIP 15202, baresip slots 48-49.
 */
class PlacedLegKeysIT {
    private static final double CALLER_HZ = 443, EXT_HZ = 701;
    private static final Duration LIMIT = Duration.ofSeconds(15);

    @Test
    void anAutoDialledExtensionMutesAndUnmutesItselfWithZero() throws Exception {
        int port = 15202;
        Path dir = ItSupport.outDir(getClass(), "autodial-mute");
        TestConfig config = TestConfig.forPort(port).withoutSounds()
                .withRoute("{ match: '^2001$', room: 'sales', params: { auto-dial: 'user/1004' } }")
                .withTopLevel("extensions:\n  '1004': { password: 'pw-1004', name: 'Sales desk' }\n");
        BaresipPeer ext = null, caller = null;
        Timeline tc;
        long bothIn, muted, unmuted, end;
        try (ParleyProcess server = ItSupport.startServer(config, dir.resolve("server"))) {
            try {
                ext = ItSupport.extension(dir, 48, "1004", Wav.tone(8000, EXT_HZ, 60, -20), port, "auto");
                server.awaitLog("extension 1004 registered", LIMIT);
                caller = ItSupport.toneCaller(dir, 49, CALLER_HZ, -20);
                tc = Timeline.of(caller.dialAndAwaitEstablished("sip:2001@127.0.0.1:" + port, LIMIT));
                ext.awaitEvent("CALL_ESTABLISHED", LIMIT);
                server.awaitLog("answered, member 2 of room sales", LIMIT);
                bothIn = System.nanoTime();
                Thread.sleep(2500);
                ext.sendDigit('0');
                server.awaitLog("keys '0' -> mute", LIMIT);
                muted = System.nanoTime();
                Thread.sleep(2500);
                ext.sendDigit('0');
                awaitCount(server, "keys '0' -> mute", 2);
                unmuted = System.nanoTime();
                Thread.sleep(2500);
                end = System.nanoTime();
                caller.hangup();
                caller.awaitEvent("CALL_CLOSED", LIMIT);
            } finally {
                if (ext != null) ext.close();
                if (caller != null) caller.close();
            }
            assertThat(server.isAlive()).isTrue();
        }
        Wav heard = caller.heard();
        double before = tc.levelDb(heard, EXT_HZ, bothIn, 0.5, muted, 0);
        double whileMuted = tc.peakDb(heard, EXT_HZ, muted, 0.5, unmuted, 0);
        double after = tc.levelDb(heard, EXT_HZ, unmuted, 0.5, end, 0);
        String what = String.format("caller hears the auto-dialled extension: %.1f, muted (peak) %.1f, unmuted %.1f dBFS; %s",
                before, whileMuted, after, caller.heardFile().orElseThrow());
        assertThat(before).as(what).isGreaterThan(-35);
        assertThat(whileMuted).as(what).isLessThan(-50);
        assertThat(after).as(what).isGreaterThan(-35);
    }

    /** Waits (bounded) until the server has logged {@code text} {@code times} times. */
    private static void awaitCount(ParleyProcess server, String text, int times) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (server.log().split(java.util.regex.Pattern.quote(text), -1).length - 1 < times) {
            assertThat(System.nanoTime()).as("'%s' logged %d times within %s", text, times, LIMIT).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
