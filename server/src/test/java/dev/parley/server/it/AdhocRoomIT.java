package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.config.StorageSettings;
import dev.parley.server.store.BillingRecord;
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
 * Seed 004's ad-hoc rooms with real peers: registered baresip extensions (auto-answer) open and join
 * the room of extension 1001 by dialling {@code *81001}; the owner invites with {@code *8NUMBER#},
 * cancels a ringing invite with {@code ##}, and its leaving ends the room; a joiner's recorded
 * name is heard by the room before the joiner. Ports: Parley SIP 15200-15209, baresip slots 50-54.
 */
class AdhocRoomIT {
    private static final double OWNER_HZ = 443, JOINER_HZ = 701, THIRD_HZ = 1109, NAME_HZ = 1319;
    private static final Duration LIMIT = Duration.ofSeconds(15);

    private static void key(BaresipPeer p, String digits) throws InterruptedException {
        for (char c : digits.toCharArray()) {
            p.sendDigit(c);
            Thread.sleep(350);
        }
    }

    /** A registered extension that answers by itself. */
    private static BaresipPeer extension(Path dir, int slot, String number, Wav source, int port) throws Exception {
        return ItSupport.extension(dir, slot, number, source, port, "auto");
    }

    private static String extensions(String ownerOptions) {
        return "extensions:\n"
                + "  '1001': { password: 'pw-1001', name: 'Owner', " + ownerOptions + " }\n"
                + "  '1002': { password: 'pw-1002', name: 'Joiner' }\n"
                + "  '1003': { password: 'pw-1003', name: 'Third' }\n"
                + "  '1004': { password: 'pw-1004', name: 'Ringing' }\n";
    }

    @Test
    void theOwnerOpensItsRoomAJoinerKeysThePinTheOwnerInvitesAndCancelsAndItsLeavingEndsTheRoom() throws Exception {
        int port = 15200;
        Path dir = ItSupport.outDir(getClass(), "owner");
        Path data = dir.resolve("data");
        TestConfig config = TestConfig.forPort(port).withoutSounds()
                .withTopLevel(extensions("conference-pin: '4321', conference-end-on-exit: true"));
        Path file = StoreItSupport.writeConfig(config, dir.resolve("server"), "{ data-dir: '" + data + "' }");
        BaresipPeer owner = null, joiner = null, third = null, ringing = null;
        Timeline to, tj, t3;
        long bothIn, thirdIn, thirdHeard;
        String thirdCallId;
        try (ParleyProcess server = ParleyProcess.start(file, dir.resolve("server/parley.log"), Duration.ofSeconds(30))) {
            try {
                owner = extension(dir, 50, "1001", Wav.tone(8000, OWNER_HZ, 90, -20), port);
                joiner = extension(dir, 51, "1002", Wav.tone(8000, JOINER_HZ, 90, -20), port);
                third = extension(dir, 52, "1003", Wav.tone(8000, THIRD_HZ, 90, -20), port);
                ringing = ItSupport.extension(dir, 53, "1004", Wav.silence(8000, 1), port, "manual");
                for (String n : List.of("1001", "1002", "1003", "1004")) server.awaitLog("extension " + n + " registered", LIMIT);

                // Not open yet: the joiner is refused with a status that says so.
                joiner.dial("sip:*81001@127.0.0.1:" + port);
                server.awaitLog("the ad-hoc room of 1001 is not open, 480", LIMIT);
                joiner.awaitEvent("CALL_CLOSED", LIMIT);

                to = Timeline.of(owner.dialAndAwaitEstablished("sip:*81001@127.0.0.1:" + port, LIMIT));
                server.awaitLog("joined room adhoc-1001 as member 1 (moderator)", LIMIT);
                tj = Timeline.of(joiner.dialAndAwaitEstablished("sip:*81001@127.0.0.1:" + port, LIMIT));
                Thread.sleep(800);
                key(joiner, "4321#");
                server.awaitLog("joined room adhoc-1001 as member 2", LIMIT);
                bothIn = System.nanoTime();
                Thread.sleep(3000);

                key(owner, "*81003#");
                BaresipControl.Event established = third.awaitEvent("CALL_ESTABLISHED", LIMIT);
                t3 = Timeline.of(established);
                thirdCallId = String.valueOf(established.fields().get("id"));
                server.awaitLog("joined room adhoc-1001 as member 3", LIMIT);
                thirdIn = System.nanoTime();
                Thread.sleep(3000);
                thirdHeard = System.nanoTime();

                // An extension that rings and never answers: ## cancels it.
                key(owner, "*81004#");
                ringing.awaitEvent("CALL_INCOMING", LIMIT);
                Thread.sleep(1000);
                key(owner, "##");
                ringing.awaitEvent("CALL_CLOSED", LIMIT);

                owner.hangup();
                assertThat(joiner.awaitEvent("CALL_CLOSED", LIMIT)).as("the joiner is hung up when the owner leaves").isNotNull();
                assertThat(third.awaitEvent("CALL_CLOSED", LIMIT)).as("the invited extension too").isNotNull();
            } finally {
                for (BaresipPeer p : new BaresipPeer[] {owner, joiner, third, ringing}) if (p != null) p.close();
            }
            assertThat(server.log()).contains("inviting user/1003 into room adhoc-1001")
                    .contains("keys '##' -> cancel-invite").contains("ends the conference");
            assertThat(server.isAlive()).isTrue();
        }
        assertThat(ringing.events()).extracting(BaresipControl.Event::type).as("the cancelled invite never connected")
                .doesNotContain("CALL_ESTABLISHED");

        double ownerHearsJoiner = to.levelDb(owner.heard(), JOINER_HZ, bothIn, 0.5, thirdIn, -0.5);
        double joinerHearsOwner = tj.levelDb(joiner.heard(), OWNER_HZ, bothIn, 0.5, thirdIn, -0.5);
        double ownerHearsThird = to.levelDb(owner.heard(), THIRD_HZ, thirdIn, 0.5, thirdHeard, 0);
        double thirdHearsOwner = t3.levelDb(third.heard(), OWNER_HZ, thirdIn, 0.5, thirdHeard, 0);
        String what = String.format("owner hears joiner %.1f, joiner hears owner %.1f, owner hears the invited %.1f, "
                + "the invited hears the owner %.1f dBFS", ownerHearsJoiner, joinerHearsOwner, ownerHearsThird, thirdHearsOwner);
        assertThat(ownerHearsJoiner).as(what).isGreaterThan(-35);
        assertThat(joinerHearsOwner).as(what).isGreaterThan(-35);
        assertThat(ownerHearsThird).as(what).isGreaterThan(-35);
        assertThat(thirdHearsOwner).as(what).isGreaterThan(-35);

        List<BillingRecord> rows = StoreItSupport.billing(new StorageSettings(data, "", "", ""), "adhoc-1001");
        assertThat(rows).as("owner, joiner and the invited extension: %s", rows).hasSize(3);
        BillingRecord invited = rows.stream().filter(r -> r.direction().equals("INVITED")).findFirst().orElseThrow();
        assertThat(invited.calledNumber()).isEqualTo("1003");
        assertThat(invited.calledName()).isEqualTo("Third");
        assertThat(invited.invitedBy()).isEqualTo("member 1 (1001)");
        assertThat(invited.codec()).isEqualTo("PCMU/8000");
        assertThat(invited.callId()).isEqualTo(thirdCallId);
        assertThat(invited.leaveReason()).isEqualTo("ROOM_ENDED");
        assertThat(rows).filteredOn(r -> r.direction().equals("DIALLED_IN")).extracting(BillingRecord::callerNumber)
                .containsExactlyInAnyOrder("1001", "1002");
    }

    @Test
    void theRoomHearsTheJoinersRecordedNameBeforeTheJoiner() throws Exception {
        int port = 15201;
        Path dir = ItSupport.outDir(getClass(), "announce");
        TestConfig config = TestConfig.forPort(port).withoutSounds()
                .withTopLevel(extensions("conference-announce-caller-name: true"));
        // The joiner "says its name" with one tone and switches to another 2 s into the recording.
        Path afterName = dir.resolve("after-name.wav");
        java.nio.file.Files.createDirectories(dir);
        Wav.tone(8000, JOINER_HZ, 80, -20).write(afterName);
        BaresipPeer owner = null, joiner = null;
        Timeline to;
        long announced, joined;
        try (ParleyProcess server = ItSupport.startServer(config, dir.resolve("server"))) {
            try {
                owner = extension(dir, 53, "1001", Wav.tone(8000, OWNER_HZ, 90, -20), port);
                joiner = extension(dir, 54, "1002", Wav.tone(8000, NAME_HZ, 90, -20), port);
                for (String n : List.of("1001", "1002")) server.awaitLog("extension " + n + " registered", LIMIT);
                to = Timeline.of(owner.dialAndAwaitEstablished("sip:*81001@127.0.0.1:" + port, LIMIT));
                server.awaitLog("joined room adhoc-1001 as member 1 (moderator)", LIMIT);
                joiner.dialAndAwaitEstablished("sip:*81001@127.0.0.1:" + port, LIMIT);
                server.awaitLog("recording its name", LIMIT);
                Thread.sleep(2000);
                joiner.command("ausrc", "aufile," + afterName.toAbsolutePath());
                server.awaitLog("announcing its name to room adhoc-1001", LIMIT);
                announced = System.nanoTime();
                server.awaitLog("joined room adhoc-1001 as member 2", LIMIT);
                joined = System.nanoTime();
                Thread.sleep(3000);
                joiner.hangup();
                joiner.awaitEvent("CALL_CLOSED", LIMIT);
                owner.hangup();
                owner.awaitEvent("CALL_CLOSED", LIMIT);
            } finally {
                if (owner != null) owner.close();
                if (joiner != null) joiner.close();
            }
            assertThat(server.isAlive()).isTrue();
        }
        Wav heard = owner.heard();
        // The first 2 s of the recording are the first tone; while they play, the joiner already sends
        // its second tone, which nobody hears yet.
        double nameDuringAnnouncement = to.levelDb(heard, NAME_HZ, announced, 0.2, announced, 1.4);
        double liveDuringAnnouncement = to.peakDb(heard, JOINER_HZ, announced, 0.2, announced, 1.4);
        double liveAfterJoin = to.levelDb(heard, JOINER_HZ, joined, 0.5, joined, 2.5);
        double nameAfterJoin = to.peakDb(heard, NAME_HZ, joined, 0.5, joined, 2.5);
        String what = String.format("owner hears: the name %.1f and the joiner (peak) %.1f while announced, "
                + "the joiner %.1f and the name (peak) %.1f after the join, dBFS; %s",
                nameDuringAnnouncement, liveDuringAnnouncement, liveAfterJoin, nameAfterJoin, owner.heardFile().orElseThrow());
        // The name is the first seconds of the joiner's stream, recorded as the jitter buffer heard them: on a
        // loaded machine concealment and phase jumps spread the tone (seen at -39 dBFS against -20 sent);
        // absent, it is below -70.
        assertThat(nameDuringAnnouncement).as(what).isGreaterThan(-45);
        assertThat(liveDuringAnnouncement).as(what).isLessThan(-50);
        assertThat(liveAfterJoin).as(what).isGreaterThan(-35);
        assertThat(nameAfterJoin).as(what).isLessThan(-50);
    }
}
