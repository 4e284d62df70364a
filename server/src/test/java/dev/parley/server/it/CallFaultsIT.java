package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.server.config.StorageSettings;
import dev.parley.server.store.BillingRecord;
import dev.parley.testkit.BaresipControl;
import dev.parley.testkit.BaresipPeer;
import dev.parley.testkit.ParleyProcess;
import dev.parley.testkit.Sipp;
import dev.parley.testkit.TestConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Calls that end badly: a member that vanishes without a BYE (its process killed), a caller whose ACK
 * never comes, a network that duplicates the INVITE and the BYE, and the server stopped with SIGTERM
 * while calls are up. Each is judged by what the peers saw on the wire and by the billing records
 * and events the server left.
 *
 * <p>Ports: Parley SIP 15287-15289, API 19090-19091 (from the relay range of these tests), sipp SIP
 * 5477-5479 and media 18770-18799, baresip slots 87-88.
 */
class CallFaultsIT {

    private static final Duration EVENT_LIMIT = Duration.ofSeconds(15);

    private static TestConfig config(int sipPort) {
        return TestConfig.forPort(sipPort).withoutSounds().withLonely(false);
    }

    private static Path startWithStorage(TestConfig config, Path dir) throws Exception {
        return StoreItSupport.writeConfig(config, dir.resolve("server"), "{ data-dir: '" + dir.resolve("data") + "' }");
    }

    private static List<BillingRecord> billing(Path dir) throws Exception {
        return StoreItSupport.billing(new StorageSettings(dir.resolve("data"), "", "", ""), ItSupport.ROOM);
    }

    private static Sipp.Builder sipp(Path dir, String scenario, int serverPort, int sipPort, int mediaPort, Duration limit) {
        return Sipp.scenario(ItSupport.resource("sipp/" + scenario + ".xml"), dir.resolve(scenario))
                .target(serverPort).service(ItSupport.ROOM).sipPort(sipPort).mediaPort(mediaPort).timeout(limit);
    }

    @Test
    void aMemberThatVanishesWithoutByeIsRemovedAfterTheRtpTimeoutAndBilledAsSuch() throws Exception {
        Path dir = ItSupport.outDir(getClass(), "vanished");
        int sipPort = 15287, apiPort = 19090;
        Duration rtpTimeout = Duration.ofSeconds(3);
        Path config = startWithStorage(config(sipPort).withRtpTimeout(rtpTimeout).withApiPort(apiPort), dir);
        Instant killedAt;
        JsonNode left;
        try (ParleyProcess server = ParleyProcess.start(config, dir.resolve("server/parley.log"), ImpairedMemberIT.READY_LIMIT);
             BaresipPeer stays = ItSupport.toneCaller(dir, 88, 700, -16);
             BaresipPeer vanishes = ItSupport.toneCaller(dir, 87, 1000, -16)) {
            ApiClient api = new ApiClient(apiPort, ApiClient.generatedToken(dir.resolve("server")));
            try (EventStreamClient events = new EventStreamClient(api, "room=" + ItSupport.ROOM)) {
                stays.dialAndAwaitEstablished(ItSupport.roomUri(sipPort), EVENT_LIMIT);
                vanishes.dialAndAwaitEstablished(ItSupport.roomUri(sipPort), EVENT_LIMIT);
                JsonNode joined = events.await(m -> m.path("type").asText().equals("member.joined")
                        && m.path("caller").asText().contains("peer87"), "peer87 joined", EVENT_LIMIT);
                ItSupport.letAudioFlow(Duration.ofSeconds(2)); // its RTP has been flowing: the timeout is about RTP stopping
                vanishes.kill();
                killedAt = Instant.now();
                int member = joined.path("member").asInt();
                left = events.await(m -> m.path("type").asText().equals("member.left") && m.path("member").asInt() == member,
                        "peer87 left", rtpTimeout.plus(EVENT_LIMIT));
                assertThat(stays.events()).as("the other member's call goes on")
                        .noneMatch(e -> e.type().equals("CALL_CLOSED"));
                stays.hangup();
                // baresip reports CALL_CLOSED as it sends its BYE; the server has it once the member left.
                int stayed = events.await(m -> m.path("type").asText().equals("member.joined")
                        && m.path("caller").asText().contains("peer88"), "peer88 joined", EVENT_LIMIT).path("member").asInt();
                events.await(m -> m.path("type").asText().equals("member.left") && m.path("member").asInt() == stayed,
                        "peer88 left", EVENT_LIMIT);
            }
            Instant leftAt = Instant.parse(left.path("time").asText());
            Files.writeString(dir.resolve("outcome.txt"), "removed " + Duration.between(killedAt, leftAt).toMillis()
                    + " ms after the kill: " + left + "\n");
            assertThat(left.path("reason").asText()).as(left.toString()).isEqualTo("rtp-timeout");
            assertThat(Duration.between(killedAt, leftAt)).as("removed after the 3 s timeout, not before, not long after")
                    .isGreaterThanOrEqualTo(rtpTimeout.minusMillis(500)).isLessThan(rtpTimeout.plusSeconds(5));
            assertThat(server.stop()).as("a clean exit on SIGTERM (the JVM's 143 after its shutdown hooks)").isIn(0, 143);
        }
        List<BillingRecord> records = billing(dir);
        assertThat(records).as(records.toString()).hasSize(2);
        BillingRecord gone = records.stream().filter(r -> r.callerNumber().contains("peer87")).findFirst().orElseThrow();
        BillingRecord other = records.stream().filter(r -> r.callerNumber().contains("peer88")).findFirst().orElseThrow();
        assertThat(gone.leaveReason()).isEqualTo("RTP_TIMEOUT");
        assertThat(gone.leftAt()).isAfter(killedAt.plus(rtpTimeout).minusMillis(600));
        assertThat(gone.durationMillis()).isEqualTo(gone.leftAt().toEpochMilli() - gone.joinedAt().toEpochMilli());
        assertThat(other.leaveReason()).isEqualTo("HUNG_UP");
    }

    private static final Pattern RECEIVED = Pattern.compile(
            "-{10,} (\\d{4}-\\d\\d-\\d\\d)\\s+(\\d\\d:\\d\\d:\\d\\d\\.\\d+)\\s+UDP message received \\[\\d+\\] bytes :\\s+(\\S+ \\S+)");

    /**
     * When sipp received the messages whose first line starts with {@code start}, in seconds after
     * {@code origin} (seconds of sipp's day), read from its message trace.
     */
    private static List<Double> receivedTimes(String messages, String start, double origin) {
        List<Double> times = new ArrayList<>();
        Matcher m = RECEIVED.matcher(messages);
        while (m.find()) {
            if (!m.group(3).startsWith(start)) continue;
            String[] hms = m.group(2).split(":");
            double t = Integer.parseInt(hms[0]) * 3600 + Integer.parseInt(hms[1]) * 60 + Double.parseDouble(hms[2]);
            times.add(Math.round((t - origin) * 1000) / 1000.0);
        }
        return times;
    }

    @Test
    void aLostAckEndsTheCallWithByeAfterTimerHAndDuplicatedRequestsAreAbsorbed() throws Exception {
        Path dir = ItSupport.outDir(getClass(), "retransmissions");
        int sipPort = 15288;
        Path config = startWithStorage(config(sipPort), dir);
        Sipp.Result noAck, twice;
        try (ParleyProcess server = ParleyProcess.start(config, dir.resolve("server/parley.log"), ImpairedMemberIT.READY_LIMIT);
             Sipp lost = sipp(dir, "uac-no-ack", sipPort, 5477, 18770, Duration.ofSeconds(50)).start();
             Sipp dup = sipp(dir, "uac-duplicates", sipPort, 5478, 18780, Duration.ofSeconds(20))
                     .key("hold_ms", "3000").start()) {
            twice = dup.await();
            noAck = lost.await();
            assertThat(server.isAlive()).isTrue();
            assertThat(server.stop()).as("a clean exit on SIGTERM (the JVM's 143 after its shutdown hooks)").isIn(0, 143);
        }
        assertThat(twice.succeeded()).as("duplicated INVITE and BYE: " + twice.describe()).isTrue();
        assertThat(noAck.succeeded()).as("BYE after the missing ACK: " + noAck.describe()).isTrue();

        List<Double> absolute = receivedTimes(noAck.messages(), "SIP/2.0 200", 0);
        assertThat(absolute).as("sipp's trace: " + noAck.describe()).isNotEmpty();
        List<Double> oks = receivedTimes(noAck.messages(), "SIP/2.0 200", absolute.getFirst());
        List<Double> byes = receivedTimes(noAck.messages(), "BYE sip", absolute.getFirst());
        String seen = "200 OK at " + oks + ", BYE at " + byes + " (seconds after the first 200, by sipp's clock)";
        Files.writeString(dir.resolve("outcome.txt"), seen + "\n");
        // RFC 3261 13.3.1.4 and 17.2.1: retransmit at T1 = 0.5 s, doubling up to T2 = 4 s, for 64*T1 = 32 s:
        // 0, 0.5, 1.5, 3.5, 7.5, 11.5, ... 31.5: eleven copies.
        assertThat(oks.size()).as(seen).isBetween(9, 12);
        assertThat(oks.get(1)).as("first retransmission after T1; " + seen).isBetween(0.4, 1.2);
        assertThat(oks.get(3) - oks.get(2)).as("the interval doubles; " + seen).isBetween(1.6, 3.0);
        assertThat(oks.getLast() - oks.get(oks.size() - 2)).as("capped at T2 = 4 s; " + seen).isBetween(3.5, 5.0);
        assertThat(byes).as(seen).hasSize(1);
        assertThat(byes.getFirst()).as("BYE after timer H (32 s); " + seen).isBetween(30.0, 40.0);

        List<BillingRecord> records = billing(dir);
        assertThat(records).as("only the duplicating caller joined, once (the unacknowledged one never did); " + records)
                .hasSize(1);
        assertThat(records.getFirst().callerNumber()).isEqualTo("twice");
        assertThat(records.getFirst().leaveReason()).isEqualTo("HUNG_UP");
        assertThat(records).allSatisfy(r -> assertThat(r.leftAt()).isNotNull());
    }

    @Test
    void sigtermEndsEveryCallWithByeAndClosesTheBillingRecordsAsServerStopped() throws Exception {
        Path dir = ItSupport.outDir(getClass(), "sigterm");
        int sipPort = 15289, apiPort = 19091;
        Path config = startWithStorage(config(sipPort).withApiPort(apiPort), dir);
        Instant stoppedAt;
        int exit;
        Sipp.Result sippResult;
        try (ParleyProcess server = ParleyProcess.start(config, dir.resolve("server/parley.log"), ImpairedMemberIT.READY_LIMIT);
             BaresipPeer a = ItSupport.toneCaller(dir, 87, 1000, -16);
             BaresipPeer b = ItSupport.toneCaller(dir, 88, 700, -16)) {
            a.dialAndAwaitEstablished(ItSupport.roomUri(sipPort), EVENT_LIMIT);
            b.dialAndAwaitEstablished(ItSupport.roomUri(sipPort), EVENT_LIMIT);
            // uac-await-bye waits 12 s for its BYE: start it last, just before the stop.
            try (Sipp s = sipp(dir, "uac-await-bye", sipPort, 5479, 18790, Duration.ofSeconds(20)).start()) {
                ApiClient api = new ApiClient(apiPort, ApiClient.generatedToken(dir.resolve("server")));
                awaitMembers(api, 3);
                stoppedAt = Instant.now();
                long stoppedNanos = System.nanoTime();
                exit = server.stop();
                BaresipControl.Event closedA = a.awaitEvent("CALL_CLOSED", EVENT_LIMIT);
                BaresipControl.Event closedB = b.awaitEvent("CALL_CLOSED", EVENT_LIMIT);
                assertThat(closedA.param()).as("peer87 got a BYE").isNotEmpty();
                assertThat(closedB.param()).as("peer88 got a BYE").isNotEmpty();
                sippResult = s.await();
                long closedNanos = Math.max(closedA.receivedNanos(), closedB.receivedNanos());
                Files.writeString(dir.resolve("outcome.txt"), "both baresips closed "
                        + (closedNanos - stoppedNanos) / 1_000_000 + " ms after SIGTERM\n");
            }
            assertThat(server.log()).contains("stopping: ending 3 calls").contains("stopped");
        }
        assertThat(exit).as("a clean exit on SIGTERM (the JVM's 143 after its shutdown hooks)").isIn(0, 143);
        assertThat(sippResult.succeeded()).as("sipp got its BYE and answered it; " + sippResult.describe()).isTrue();
        List<BillingRecord> records = billing(dir);
        assertThat(records).as(records.toString()).hasSize(3).allSatisfy(r -> {
            assertThat(r.leaveReason()).isEqualTo("SERVER_STOPPED");
            assertThat(r.leftAt()).isAfterOrEqualTo(stoppedAt.minusMillis(50)).isBefore(stoppedAt.plusSeconds(5));
            assertThat(r.durationMillis()).isEqualTo(r.leftAt().toEpochMilli() - r.joinedAt().toEpochMilli());
        });
    }

    /** Polls the members list (bounded) until {@code n} are in the room. */
    private static void awaitMembers(ApiClient api, int n) throws Exception {
        long deadline = System.nanoTime() + EVENT_LIMIT.toNanos();
        int seen = -1;
        while (System.nanoTime() < deadline) {
            ApiClient.Reply r = api.get("/api/v1/rooms/" + ItSupport.ROOM + "/members");
            seen = r.status() == 200 ? r.body().path("members").size() : -1;
            if (seen == n) return;
            Thread.sleep(100);
        }
        throw new AssertionError("expected " + n + " members, the API listed " + seen);
    }
}
