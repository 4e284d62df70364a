package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Parley calling out, against real peers: a moderator invites a number through a sipp trunk that
 * challenges (407), plays early media (183) and answers, and ends the invite with {@code *2}; a
 * ringing invite is cancelled with {@code ##}; seed 000's auto-dial rings a registered baresip
 * extension when the room starts, and the end-conference caller leaving hangs it up.
 */
class CallingOutIT {
    private static final double MOD_HZ = 443, EXT_HZ = 701, TRUNK_HZ = 1109;
    private static final Duration LIMIT = Duration.ofSeconds(10);

    private static void key(BaresipPeer p, String digits) throws InterruptedException {
        for (char c : digits.toCharArray()) {
            p.sendDigit(c);
            Thread.sleep(350);
        }
    }

    private static TestConfig withTrunk(int port, int trunkPort) {
        return TestConfig.forPort(port).withoutSounds().withProfileKey("flags", "moderator")
                .withTopLevel("gateways:\n  trunk: { address: 127.0.0.1, port: " + trunkPort
                        + ", username: trunkuser, password: trunkpass }\n");
    }

    @Test
    void aModeratorInvitesThroughTheTrunkHearsEarlyMediaThenTheAnswerAndEndsItWithStar2() throws Exception {
        int port = 15120;
        Path dir = ItSupport.outDir(getClass(), "invite");
        Files.createDirectories(dir);
        Path ulaw = dir.resolve("trunk.ulaw");
        Files.write(ulaw, G711.encode(Wav.tone(8000, TRUNK_HZ, 2, -16).samples(), G711.PT_PCMU));
        BaresipPeer mod = null;
        Timeline tm;
        long dialled, answeredBy, ended;
        Sipp.Result trunkResult;
        try (ParleyProcess server = ItSupport.startServer(withTrunk(port, 5140), dir.resolve("server"));
             Sipp trunk = Sipp.scenario(ItSupport.resource("sipp/uas-trunk-early.xml"), dir.resolve("trunk"))
                     .target((String) null).sipPort(5140).mediaPort(26000).timeout(Duration.ofSeconds(40))
                     .key("rtp_stream", ulaw + ",-1,0").key("early_ms", "3000").start()) {
            try {
                mod = ItSupport.toneCaller(dir, 40, MOD_HZ, -20);
                tm = Timeline.of(mod.dialAndAwaitEstablished(ItSupport.roomUri(port), LIMIT));
                Thread.sleep(800);
                key(mod, "*15551234#");
                dialled = System.nanoTime();
                server.awaitLog("early media into room 3000", LIMIT);
                server.awaitLog("answered, member", LIMIT);
                answeredBy = System.nanoTime();
                Thread.sleep(2500);
                ended = System.nanoTime();
                key(mod, "*2");
                trunkResult = trunk.await();
                mod.hangup();
                mod.awaitEvent("CALL_CLOSED", LIMIT);
            } finally {
                if (mod != null) mod.close();
            }
            assertThat(server.log()).contains("inviting gateway/trunk/5551234 into room 3000")
                    .contains("ends its invite of gateway/trunk/5551234");
            assertThat(server.isAlive()).isTrue();
        }
        assertThat(trunkResult.succeeded()).as("the trunk got the authenticated INVITE and a BYE; " + trunkResult.describe())
                .isTrue();
        Wav heard = mod.heard();
        double early = tm.levelDb(heard, TRUNK_HZ, dialled, 0.8, dialled, 2.6);
        double answered = tm.levelDb(heard, TRUNK_HZ, answeredBy, 0.5, ended, 0);
        String what = String.format("moderator hears the trunk: early media %.1f, answered %.1f dBFS; %s", early, answered,
                mod.heardFile().orElseThrow());
        assertThat(early).as("early media heard in the room before the answer; " + what).isGreaterThan(-35);
        assertThat(answered).as("the answered party heard; " + what).isGreaterThan(-35);
    }

    @Test
    void hashHashCancelsARingingInvite() throws Exception {
        int port = 15121;
        Path dir = ItSupport.outDir(getClass(), "cancel");
        BaresipPeer mod = null;
        Sipp.Result ring;
        try (ParleyProcess server = ItSupport.startServer(withTrunk(port, 5142), dir.resolve("server"));
             Sipp trunk = Sipp.scenario(ItSupport.resource("sipp/uas-ring.xml"), dir.resolve("trunk"))
                     .target((String) null).sipPort(5142).mediaPort(26100).timeout(Duration.ofSeconds(30)).start()) {
            try {
                mod = ItSupport.toneCaller(dir, 41, MOD_HZ, -20);
                mod.dialAndAwaitEstablished(ItSupport.roomUri(port), LIMIT);
                Thread.sleep(800);
                key(mod, "*15551234#");
                Thread.sleep(2000);
                key(mod, "##");
                ring = trunk.await();
                mod.hangup();
                mod.awaitEvent("CALL_CLOSED", LIMIT);
            } finally {
                if (mod != null) mod.close();
            }
            assertThat(server.log()).contains("keys '##' -> cancel-invite").contains("cancelled");
            assertThat(server.isAlive()).isTrue();
        }
        assertThat(ring.succeeded()).as("the ringing trunk got a CANCEL; " + ring.describe()).isTrue();
    }

    @Test
    void autoDialRingsTheRegisteredExtensionAndEndConfHangsItUp() throws Exception {
        int port = 15122;
        Path dir = ItSupport.outDir(getClass(), "autodial");
        TestConfig config = TestConfig.forPort(port).withoutSounds()
                .withRoute("{ match: '^2001$', room: 'sales', params: { flags: endconf, auto-dial: 'user/1004' } }")
                .withTopLevel("extensions:\n  '1004': { password: 'pw-1004', name: 'Sales desk' }\n");
        BaresipPeer ext = null, caller = null;
        Timeline te, tc;
        long bothIn, end;
        try (ParleyProcess server = ItSupport.startServer(config, dir.resolve("server"))) {
            try {
                ext = BaresipPeer.start(BaresipPeer.Settings.slot(42, dir.resolve("ext"))
                        .withSource(Wav.tone(8000, EXT_HZ, 60, -20)).withLifetime(Duration.ofSeconds(60)),
                        "<sip:1004@127.0.0.1>;auth_pass=pw-1004;outbound=\"sip:127.0.0.1:" + port
                                + "\";regint=60;answermode=auto;audio_codecs=PCMU/8000/1");
                server.awaitLog("extension 1004 registered", LIMIT);
                caller = ItSupport.toneCaller(dir, 43, MOD_HZ, -20);
                tc = Timeline.of(caller.dialAndAwaitEstablished("sip:2001@127.0.0.1:" + port, LIMIT));
                te = Timeline.of(ext.awaitEvent("CALL_ESTABLISHED", LIMIT));
                bothIn = System.nanoTime();
                Thread.sleep(3000);
                end = System.nanoTime();
                caller.hangup();
                assertThat(ext.awaitEvent("CALL_CLOSED", LIMIT)).as("the extension is hung up with the endconf caller")
                        .isNotNull();
            } finally {
                if (ext != null) ext.close();
                if (caller != null) caller.close();
            }
            assertThat(server.log()).contains("auto-dialling user/1004").contains("ends the conference");
            assertThat(server.isAlive()).isTrue();
        }
        double extHearsCaller = te.levelDb(ext.heard(), MOD_HZ, bothIn, 0.5, end, 0);
        double callerHearsExt = tc.levelDb(caller.heard(), EXT_HZ, bothIn, 0.5, end, 0);
        String what = String.format("extension hears the caller %.1f, caller hears the extension %.1f dBFS",
                extHearsCaller, callerHearsExt);
        assertThat(extHearsCaller).as(what).isGreaterThan(-35);
        assertThat(callerHearsExt).as(what).isGreaterThan(-35);
    }
}
