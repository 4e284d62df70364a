package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testkit.BaresipPeer;
import dev.parley.testkit.ParleyProcess;
import dev.parley.testkit.Sipp;
import dev.parley.testkit.TestConfig;
import dev.parley.testkit.Wav;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A room with a PIN (1234) and a moderator PIN (9999), keyed by baresip callers as RFC 4733 events:
 * three wrong PINs end in the bad-PIN sound and a BYE; the right PIN joins; the moderator PIN joins
 * as a moderator, whose {@code *92} mutes the others and whose {@code *94} locks the room against a
 * new caller (403).
 */
class PinAndModeratorIT {
    private static final double MEMBER_HZ = 701, MODERATOR_HZ = 1109;
    private static final Duration LIMIT = Duration.ofSeconds(10);


    /** Keys digits one by one, as a person does (baresip sends each as its own event). */
    private static void key(BaresipPeer p, String digits) throws InterruptedException {
        for (char c : digits.toCharArray()) {
            p.sendDigit(c);
            Thread.sleep(350);
        }
    }

    @Test
    void threeWrongPinsEndTheCallWithTheBadPinSound() throws Exception {
        int port = 15093;
        Path dir = ItSupport.outDir(getClass(), "wrongPin");
        TestConfig config = TestConfig.forPort(port).withoutSounds()
                .withSounds(java.util.Map.of("pin", "builtin:pin", "bad-pin", "builtin:bad-pin"))
                .withProfileKey("pin", "'1234'");
        BaresipPeer guesser = null;
        try (ParleyProcess server = ItSupport.startServer(config, dir.resolve("server"))) {
            try {
                guesser = ItSupport.toneCaller(dir, 4, MEMBER_HZ, -20);
                guesser.dialAndAwaitEstablished(ItSupport.roomUri(port), LIMIT);
                for (int i = 0; i < 3; i++) {
                    Thread.sleep(i == 0 ? 4000 : 5000); // the PIN prompt (and the bad-PIN sound) first
                    key(guesser, "55#");
                }
                var closed = guesser.awaitEvent("CALL_CLOSED", Duration.ofSeconds(8));
                assertThat(closed).as("the server hung up").isNotNull();
            } finally {
                if (guesser != null) guesser.close();
            }
            assertThat(server.log()).contains("wrong PIN (1 of 3)").contains("wrong PIN (3 of 3)")
                    // The keys are never logged: not as a keypad digit, not as the sequence keyed. (Not a bare
                    // "55": timestamps and Call-IDs hold that by chance.)
                    .doesNotContain("PIN accepted").doesNotContain("digit '5'").doesNotContain("55#");
            assertThat(server.isAlive()).isTrue();
        }
        Wav heard = guesser.heard();
        assertThat(heard.rmsDb(0.2, 3.0)).as("the PIN prompt was heard; " + guesser.heardFile().orElseThrow())
                .isGreaterThan(-40);
        double end = heard.durationSeconds();
        assertThat(heard.rmsDb(end - 2.0, end - 0.3)).as("the bad-PIN sound was heard before the BYE; "
                + guesser.heardFile().orElseThrow()).isGreaterThan(-40);
    }

    @Test
    void theModeratorPinMakesAModeratorWhoseKeysMuteOthersAndLockTheRoom() throws Exception {
        int port = 15094;
        Path dir = ItSupport.outDir(getClass(), "moderator");
        TestConfig config = TestConfig.forPort(port).withoutSounds()
                .withProfileKey("pin", "'1234'").withProfileKey("moderator-pin", "'9999'");
        BaresipPeer member = null, moderator = null;
        Timeline tm;
        long joined, mutedAt, lockedAt;
        Sipp.Result refused;
        try (ParleyProcess server = ItSupport.startServer(config, dir.resolve("server"))) {
            try {
                member = ItSupport.toneCaller(dir, 5, MEMBER_HZ, -20);
                moderator = ItSupport.toneCaller(dir, 6, MODERATOR_HZ, -20);
                member.dialAndAwaitEstablished(ItSupport.roomUri(port), LIMIT);
                tm = Timeline.of(moderator.dialAndAwaitEstablished(ItSupport.roomUri(port), LIMIT));
                Thread.sleep(500);
                key(member, "1234#");
                key(moderator, "9999#");
                server.awaitLog("PIN accepted (moderator)", LIMIT);
                joined = System.nanoTime();
                Thread.sleep(2500);
                mutedAt = System.nanoTime();
                key(moderator, "*92");
                Thread.sleep(2500);
                lockedAt = System.nanoTime();
                key(moderator, "*94");
                server.awaitLog("room 3000: locked", LIMIT);
                refused = Sipp.scenario(ItSupport.resource("sipp/uac-expect-403.xml"), dir.resolve("late"))
                        .target(port).service(ItSupport.ROOM).sipPort(5112).mediaPort(16400)
                        .timeout(Duration.ofSeconds(10)).run();
                member.hangup();
                moderator.hangup();
                member.awaitEvent("CALL_CLOSED", LIMIT);
                moderator.awaitEvent("CALL_CLOSED", LIMIT);
            } finally {
                if (member != null) member.close();
                if (moderator != null) moderator.close();
            }
            assertThat(server.log()).contains("keys '*92' -> mute-all").contains("keys '*94' -> toggle-lock");
            assertThat(server.isAlive()).isTrue();
        }
        assertThat(refused.succeeded()).as("a caller to the locked room gets 403; " + refused.describe()).isTrue();
        Wav heard = moderator.heard();
        double before = tm.levelDb(heard, MEMBER_HZ, joined, 0.5, mutedAt, 0);
        double after = tm.peakDb(heard, MEMBER_HZ, mutedAt, 1.8, lockedAt, 0);
        String what = String.format("moderator hears the member: before *92 %.1f, after %.1f dBFS; %s",
                before, after, moderator.heardFile().orElseThrow());
        assertThat(before).as("member heard once both keyed their PINs; " + what).isGreaterThan(-30);
        assertThat(after).as("member muted by *92; " + what).isLessThan(-50);
    }
}
