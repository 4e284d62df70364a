package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.parley.testkit.BaresipPeer;
import dev.parley.testkit.ParleyProcess;
import dev.parley.testkit.TestConfig;
import dev.parley.testkit.Wav;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The default keypad group with real phones: two baresip callers in room 3000, each sending its own
 * tone, press keys (RFC 4733, as baresip sends them) and what the other one hears changes: mute,
 * talk and listen volume in measured 3 dB steps, deaf-mute, energy gate, hang-up.
 */
class MemberKeysIT {
    private static final double A_HZ = 443, B_HZ = 701;
    private static final Duration LIMIT = Duration.ofSeconds(10);
    /** Each phase lasts this long; it is measured from 0.7 s after its key to its end. */
    private static final long PHASE_MS = 2200;


    /** Presses a key now and returns when it was pressed. */
    private static long press(BaresipPeer p, char key) throws InterruptedException {
        long t = System.nanoTime();
        p.sendDigit(key);
        return t;
    }

    private static long phase() throws InterruptedException {
        Thread.sleep(PHASE_MS);
        return System.nanoTime();
    }

    @Test
    void keysMuteChangeVolumesDeafenAndHangUp() throws Exception {
        int port = 15091;
        Path dir = ItSupport.outDir(getClass(), "keys");
        List<Long> marks = new ArrayList<>();
        BaresipPeer a = null, b = null;
        Timeline ta, tb;
        try (ParleyProcess server = ItSupport.startServer(TestConfig.forPort(port).withoutSounds(), dir.resolve("server"))) {
            try {
                a = ItSupport.toneCaller(dir, 33, A_HZ, -20);
                b = ItSupport.toneCaller(dir, 34, B_HZ, -20);
                ta = Timeline.of(a.dialAndAwaitEstablished(ItSupport.roomUri(port), LIMIT));
                tb = Timeline.of(b.dialAndAwaitEstablished(ItSupport.roomUri(port), LIMIT));
                marks.add(System.nanoTime());      // 0: both in
                marks.add(phase());                // 1
                marks.add(press(a, '0'));          // 2: A mutes
                marks.add(phase());                // 3
                marks.add(press(a, '0'));          // 4: A unmutes
                marks.add(phase());                // 5
                marks.add(press(a, '1'));          // 6: A talks one step lower
                marks.add(phase());                // 7
                marks.add(press(a, '1'));          // 8: and another
                marks.add(phase());                // 9
                marks.add(press(a, '2'));          // 10: talk volume back to zero
                marks.add(press(b, '4'));          // 11: B listens one step lower
                marks.add(phase());                // 12
                marks.add(press(b, '5'));          // 13: B's listen volume back to zero
                marks.add(press(a, '*'));          // 14: A deaf-mutes
                marks.add(phase());                // 15
                marks.add(press(a, '#'));          // 16: A hangs up by key
                a.awaitEvent("CALL_CLOSED", LIMIT);
                b.hangup();
                b.awaitEvent("CALL_CLOSED", LIMIT);
            } finally {
                if (a != null) a.close();
                if (b != null) b.close();
            }
            assertThat(server.isAlive()).isTrue();
            assertThat(server.log()).contains("keys '#' -> hangup");
        }
        Wav heardByB = b.heard(), heardByA = a.heard();
        double base = tb.levelDb(heardByB, A_HZ, marks.get(0), 0.5, marks.get(1), 0);
        double muted = tb.peakDb(heardByB, A_HZ, marks.get(2), 0.7, marks.get(3), 0);
        double unmuted = tb.levelDb(heardByB, A_HZ, marks.get(4), 0.7, marks.get(5), 0);
        double down1 = tb.levelDb(heardByB, A_HZ, marks.get(6), 0.7, marks.get(7), 0);
        double down2 = tb.levelDb(heardByB, A_HZ, marks.get(8), 0.7, marks.get(9), 0);
        double listenDown = tb.levelDb(heardByB, A_HZ, marks.get(11), 0.7, marks.get(12), 0);
        double deafMutedB = tb.peakDb(heardByB, A_HZ, marks.get(14), 0.7, marks.get(15), 0);
        double deafMutedA = ta.peakDb(heardByA, B_HZ, marks.get(14), 0.7, marks.get(15), 0);
        String what = String.format("B hears A: base %.1f, muted %.1f, unmuted %.1f, talk -1 %.1f, talk -2 %.1f,"
                + " B listen -1 %.1f, A deaf-muted %.1f; A hears B while deaf %.1f dBFS; %s",
                base, muted, unmuted, down1, down2, listenDown, deafMutedB, deafMutedA, b.heardFile().orElseThrow());
        assertThat(base).as("A heard at first; " + what).isGreaterThan(-30);
        assertThat(muted).as("muted; " + what).isLessThan(base - 30);
        assertThat(unmuted).as("unmuted; " + what).isCloseTo(base, within(1.5));
        assertThat(down1 - base).as("one talk step; " + what).isCloseTo(-3.0, within(1.0));
        assertThat(down2 - base).as("two talk steps; " + what).isCloseTo(-6.0, within(1.0));
        assertThat(listenDown - base).as("one listen step; " + what).isCloseTo(-3.0, within(1.0));
        assertThat(deafMutedB).as("deaf-muted A is not heard; " + what).isLessThan(base - 30);
        assertThat(deafMutedA).as("deaf-muted A hears nothing; " + what).isLessThan(-50);
    }

    @Test
    void energyUpGatesOutAQuietTalkerAndResetLetsItBackIn() throws Exception {
        int port = 15092;
        Path dir = ItSupport.outDir(getClass(), "energy");
        List<Long> marks = new ArrayList<>();
        BaresipPeer quiet = null, listener = null;
        Timeline tl;
        // -40 dBFS peak: an average amplitude of about 209, above the room's energy level of 100 and
        // below 300, which two presses of 9 set.
        try (ParleyProcess server = ItSupport.startServer(TestConfig.forPort(port).withoutSounds(), dir.resolve("server"))) {
            try {
                quiet = ItSupport.toneCaller(dir, 35, A_HZ, -40);
                listener = ItSupport.toneCaller(dir, 36, B_HZ, -20);
                quiet.dialAndAwaitEstablished(ItSupport.roomUri(port), LIMIT);
                tl = Timeline.of(listener.dialAndAwaitEstablished(ItSupport.roomUri(port), LIMIT));
                marks.add(System.nanoTime());
                marks.add(phase());
                marks.add(press(quiet, '9'));
                Thread.sleep(400);
                marks.add(press(quiet, '9'));
                marks.add(phase());
                marks.add(press(quiet, '8'));
                marks.add(phase());
                quiet.hangup();
                listener.hangup();
                quiet.awaitEvent("CALL_CLOSED", LIMIT);
                listener.awaitEvent("CALL_CLOSED", LIMIT);
            } finally {
                if (quiet != null) quiet.close();
                if (listener != null) listener.close();
            }
            assertThat(server.isAlive()).isTrue();
        }
        Wav heard = listener.heard();
        double before = tl.levelDb(heard, A_HZ, marks.get(0), 0.5, marks.get(1), 0);
        double gated = tl.peakDb(heard, A_HZ, marks.get(3), 0.7, marks.get(4), 0);
        double reset = tl.levelDb(heard, A_HZ, marks.get(5), 0.7, marks.get(6), 0);
        String what = String.format("quiet talker heard: before %.1f, energy 300 %.1f, reset %.1f dBFS; %s",
                before, gated, reset, listener.heardFile().orElseThrow());
        assertThat(before).as("heard through the room's gate; " + what).isGreaterThan(-50);
        assertThat(gated).as("gated out; " + what).isLessThan(before - 20);
        assertThat(reset).as("back after reset; " + what).isCloseTo(before, within(2.0));
    }
}
