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
 * A key bound to {@code route 4000} (FreeSWITCH's execute_extension) moves its member, call and all,
 * into the room 4000 routes to: before the key A and B hear each other; after it A hears C, C hears
 * A, and B no longer hears A.
 */
class RouteKeyIT {
    private static final double A_HZ = 443, B_HZ = 701, C_HZ = 1109;
    private static final Duration LIMIT = Duration.ofSeconds(10);


    @Test
    void aRouteKeyMovesTheMemberIntoAnotherRoom() throws Exception {
        int port = 15096;
        Path dir = ItSupport.outDir(getClass(), "route");
        TestConfig config = TestConfig.forPort(port).withoutSounds()
                .withProfileKey("controls", "mover")
                .withRoute("{ match: '^4000$', room: 'side' }")
                .withTopLevel("controls:\n  mover:\n    '7': route 4000\n");
        BaresipPeer a = null, b = null, c = null;
        Timeline ta, tb, tc;
        long together, moved, end;
        try (ParleyProcess server = ItSupport.startServer(config, dir.resolve("server"))) {
            try {
                a = ItSupport.toneCaller(dir, 17, A_HZ, -20);
                b = ItSupport.toneCaller(dir, 18, B_HZ, -20);
                c = ItSupport.toneCaller(dir, 19, C_HZ, -20);
                ta = Timeline.of(a.dialAndAwaitEstablished(ItSupport.roomUri(port), LIMIT));
                tb = Timeline.of(b.dialAndAwaitEstablished(ItSupport.roomUri(port), LIMIT));
                tc = Timeline.of(c.dialAndAwaitEstablished("sip:4000@127.0.0.1:" + port, LIMIT));
                together = System.nanoTime();
                Thread.sleep(2500);
                moved = System.nanoTime();
                a.sendDigit('7');
                server.awaitLog("moved from room 3000 to room side", LIMIT);
                Thread.sleep(3000);
                end = System.nanoTime();
                for (BaresipPeer p : new BaresipPeer[] {a, b, c}) p.hangup();
                for (BaresipPeer p : new BaresipPeer[] {a, b, c}) p.awaitEvent("CALL_CLOSED", LIMIT);
            } finally {
                for (BaresipPeer p : new BaresipPeer[] {a, b, c}) if (p != null) p.close();
            }
            assertThat(server.isAlive()).isTrue();
        }
        Wav heardA = a.heard(), heardB = b.heard(), heardC = c.heard();
        double aHearsB = ta.levelDb(heardA, B_HZ, together, 0.5, moved, 0);
        double aHearsCBefore = ta.peakDb(heardA, C_HZ, together, 0.5, moved, 0);
        double aHearsC = ta.levelDb(heardA, C_HZ, moved, 1.0, end, 0);
        double aHearsBAfter = ta.peakDb(heardA, B_HZ, moved, 1.0, end, 0);
        double bHearsA = tb.peakDb(heardB, A_HZ, moved, 1.0, end, 0);
        double cHearsA = tc.levelDb(heardC, A_HZ, moved, 1.0, end, 0);
        String what = String.format("before: A hears B %.1f, C %.1f; after: A hears C %.1f, B %.1f; B hears A %.1f;"
                + " C hears A %.1f dBFS", aHearsB, aHearsCBefore, aHearsC, aHearsBAfter, bHearsA, cHearsA);
        assertThat(aHearsB).as(what).isGreaterThan(-30);
        assertThat(aHearsCBefore).as(what).isLessThan(-50);
        assertThat(aHearsC).as(what).isGreaterThan(-30);
        assertThat(aHearsBAfter).as(what).isLessThan(-50);
        assertThat(bHearsA).as(what).isLessThan(-50);
        assertThat(cHearsA).as(what).isGreaterThan(-30);
    }
}
