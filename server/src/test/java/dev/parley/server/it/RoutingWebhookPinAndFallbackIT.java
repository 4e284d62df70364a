package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.testkit.BaresipPeer;
import dev.parley.testkit.ParleyProcess;
import dev.parley.testkit.Sipp;
import dev.parley.testkit.TestConfig;
import dev.parley.testkit.Wav;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The routing webhook's fallbacks and its PIN, against one server and one signature-checking
 * receiver ({@link RoutingReceiver}):
 * <ul>
 *   <li>8101 asks a URL nobody listens on and 8102 one that answers after the route's 1 s timeout;
 *       both routes say {@code fallback: reject}, so their sipp callers get 503.
 *   <li>8103 asks the dead URL with the default {@code fallback: room}: the caller joins the route's
 *       own room. Its route has no secret, and the server warns about that one route at start.
 *   <li>8104's route signs with another secret than the receiver's: the receiver refuses it (401),
 *       which is no answer, so its {@code fallback: reject} applies.
 *   <li>8105 is answered {@code join} room pin-room with PIN 2468: a baresip caller keys a wrong
 *       PIN and stays out (API, and the member already there does not hear it), then the right one
 *       and joins (event stream, API, and each hears the other's tone).
 * </ul>
 *
 * <p>Ports: Parley SIP 15310, API 8620, receiver 8630 (8631 stays closed), sipp SIP 5490-5492 with
 * media 18950-18953, baresip slots 94 and 95.
 */
class RoutingWebhookPinAndFallbackIT {
    private static final int SIP_PORT = 15310, API_PORT = 8620, RECEIVER_PORT = 8630, DEAD_PORT = 8631;
    private static final String SECRET = "pin-and-fallback-secret";
    private static final String PIN = "2468";
    private static final double CALLER_HZ = 701, MEMBER_HZ = 1109;
    private static final Duration LIMIT = Duration.ofSeconds(10);

    private static Path dir;
    private static RoutingReceiver receiver;
    private static ParleyProcess server;
    private static ApiClient api;

    /** The receiver's decisions: 8102 too late, 8105 to the PIN-guarded room. */
    private static String answer(JsonNode request) {
        switch (request.path("number").asText()) {
            case "8102" -> sleep(Duration.ofSeconds(3));
            case "8105" -> {
                return "{\"action\": \"join\", \"room\": \"pin-room\", \"pin\": \"" + PIN + "\"}";
            }
            default -> { }
        }
        return "{\"action\": \"reject\", \"status\": 404}";
    }

    /** 5 s: the receiver, in this test's JVM, may be slow on a loaded machine; 8102 tests the timeout itself. */
    private static String ask(String url, String extra) {
        return ask(url, "5s", extra);
    }

    private static String ask(String url, String timeout, String extra) {
        return "ask: { url: '" + url + "', timeout: " + timeout + extra + " }";
    }

    @BeforeAll
    static void startServerAndReceiver() throws Exception {
        dir = ItSupport.outDir(RoutingWebhookPinAndFallbackIT.class, "server");
        receiver = RoutingReceiver.start(RECEIVER_PORT, SECRET, RoutingWebhookPinAndFallbackIT::answer);
        String live = "http://127.0.0.1:" + RECEIVER_PORT + "/route", dead = "http://127.0.0.1:" + DEAD_PORT + "/route";
        String signed = ", secret: '" + SECRET + "'";
        TestConfig config = TestConfig.forPort(SIP_PORT).withoutSounds().withApiPort(API_PORT)
                .withRoute("{ match: '^8101$', room: lobby, " + ask(dead, ", fallback: reject" + signed) + " }")
                .withRoute("{ match: '^8102$', room: lobby, " + ask(live, "1s", ", fallback: reject" + signed) + " }")
                .withRoute("{ match: '^8103$', room: fallback-room, " + ask(dead, "") + " }")
                .withRoute("{ match: '^8104$', room: lobby, "
                        + ask(live, ", fallback: reject, secret: 'not-the-receivers-secret'") + " }")
                .withRoute("{ match: '^8105$', room: lobby, " + ask(live, signed) + " }")
                .withRoute("{ match: '^8106$', room: pin-room }");
        server = ItSupport.startServer(config, dir);
        api = new ApiClient(API_PORT, ApiClient.generatedToken(dir));
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (receiver != null) receiver.close();
    }

    @Test
    void aDeadSlowOrDistrustingWebhookFallsBackToTheRoutesRejectOrRoom() throws Exception {
        Path out = ItSupport.outDir(getClass(), "fallback");

        Sipp.Result down = sipp("uac-expect-503.xml", out.resolve("down"), "8101", 5490).run();
        assertThat(down.succeeded()).as("nobody listens: " + down.describe()).isTrue();
        assertThat(down.messages()).contains("503 Routing webhook unavailable");
        server.awaitLog("cannot reach it", LIMIT);

        Sipp.Result slow = sipp("uac-expect-503.xml", out.resolve("slow"), "8102", 5491).run();
        assertThat(slow.succeeded()).as("too late: " + slow.describe()).isTrue();
        assertThat(slow.messages()).contains("503 Routing webhook unavailable");
        server.awaitLog("no answer within 1000 ms; fallback reject", LIMIT);

        Sipp.Result distrusted = sipp("uac-expect-503.xml", out.resolve("distrusted"), "8104", 5490).run();
        assertThat(distrusted.succeeded()).as("refused by the receiver: " + distrusted.describe()).isTrue();
        assertThat(receiver.refused()).as("the receiver refused 8104's signature, nothing else")
                .containsOnlyKeys("8104");
        assertThat(receiver.refused().get("8104")).startsWith("wrong signature sha256=");
        server.awaitLog("HTTP 401", LIMIT);

        try (Sipp joined = sipp("uac-await-bye.xml", out.resolve("room"), "8103", 5492).start()) {
            JsonNode member = api.awaitMembers("fallback-room", 1, LIMIT).get(0);
            server.awaitLog("; fallback room", LIMIT); // only 8103's route falls back to its room
            assertThat(api.post("/api/v1/rooms/fallback-room/members/" + member.path("id").asInt() + "/kick", null)
                    .status()).isEqualTo(202);
            Sipp.Result r = joined.await();
            assertThat(r.succeeded()).as("joined the route's room, then kicked: " + r.describe()).isTrue();
        }

        assertThat(receiver.asked()).as("the dead URL and the distrusted request never reached a decision")
                .doesNotContainKeys("8101", "8103", "8104").containsKey("8102");
        String log = server.log();
        assertThat(log.split("is unsigned", -1)).as("one warning, for 8103's route only: " + log).hasSize(2);
        assertThat(log).contains("the routing webhook " + "http://127.0.0.1:" + DEAD_PORT + "/route is unsigned");
        assertThat(server.isAlive()).isTrue();
    }

    @Test
    void aJoinAnswerWithAPinAdmitsOnlyTheCallerWhoKeysIt() throws Exception {
        Path out = ItSupport.outDir(getClass(), "pin");
        BaresipPeer member = null, caller = null;
        Timeline tm, tc;
        long callerIn, wrongDone, joined, measured;
        JsonNode afterWrong, afterRight;
        try (EventStreamClient events = new EventStreamClient(api, "room=pin-room")) {
            try {
                member = ItSupport.toneCaller(out, 95, MEMBER_HZ, -20);
                caller = ItSupport.toneCaller(out, 94, CALLER_HZ, -20);
                tm = Timeline.of(member.dialAndAwaitEstablished("sip:8106@127.0.0.1:" + SIP_PORT, LIMIT));
                api.awaitMembers("pin-room", 1, LIMIT);

                tc = Timeline.of(caller.dialAndAwaitEstablished("sip:8105@127.0.0.1:" + SIP_PORT, LIMIT));
                callerIn = System.nanoTime();
                server.awaitLog("sends it to room pin-room behind a PIN", LIMIT);
                Thread.sleep(800); // the ACK in, and the PIN asked for
                ItSupport.keyDigits(caller, "1357#");
                server.awaitLog("wrong PIN (1 of 3)", LIMIT);
                wrongDone = System.nanoTime();
                afterWrong = api.get("/api/v1/rooms/pin-room/members").body().path("members");
                ItSupport.letAudioFlow(Duration.ofSeconds(1));

                ItSupport.keyDigits(caller, PIN + "#");
                server.awaitLog("PIN accepted", LIMIT);
                events.await(m -> m.path("type").asText().equals("member.joined")
                        && m.path("caller").asText().contains("peer94@"), "member.joined of the PIN caller", LIMIT);
                joined = System.nanoTime();
                afterRight = api.awaitMembers("pin-room", 2, LIMIT);
                ItSupport.letAudioFlow(Duration.ofSeconds(3));
                measured = System.nanoTime();
                caller.hangup();
                member.hangup();
                caller.awaitEvent("CALL_CLOSED", LIMIT);
                member.awaitEvent("CALL_CLOSED", LIMIT);
            } finally {
                if (caller != null) caller.close();
                if (member != null) member.close();
            }
        }
        assertThat(afterWrong).as("a wrong PIN does not let it in").hasSize(1);
        assertThat(afterRight).as("the right PIN does").hasSize(2);
        assertThat(server.log()).as("the PIN is never logged").doesNotContain(PIN + "#").doesNotContain("1357#");

        Wav memberHeard = member.heard(), callerHeard = caller.heard();
        double outside = tm.peakDb(memberHeard, CALLER_HZ, callerIn, 0.3, joined, -0.3);
        double inside = tm.levelDb(memberHeard, CALLER_HZ, joined, 0.5, measured, 0);
        double callerHearsRoomOutside = tc.peakDb(callerHeard, MEMBER_HZ, callerIn, 0.3, wrongDone, 0);
        double callerHearsRoom = tc.levelDb(callerHeard, MEMBER_HZ, joined, 0.5, measured, 0);
        String what = String.format("the member hears the PIN caller before its PIN %.1f (peak), after %.1f; the caller hears"
                + " the member before %.1f (peak), after %.1f dBFS; %s, %s", outside, inside, callerHearsRoomOutside,
                callerHearsRoom, member.heardFile().orElseThrow(), caller.heardFile().orElseThrow());
        assertThat(outside).as("not heard while keying its PIN; " + what).isLessThan(-50);
        assertThat(callerHearsRoomOutside).as("and hears nobody meanwhile; " + what).isLessThan(-50);
        assertThat(inside).as("heard once in; " + what).isGreaterThan(-35);
        assertThat(callerHearsRoom).as("and hears the room; " + what).isGreaterThan(-35);
        assertThat(server.isAlive()).isTrue();
    }

    private static Sipp.Builder sipp(String scenario, Path out, String number, int sipPort) {
        return Sipp.scenario(ItSupport.resource("sipp/" + scenario), out).target(SIP_PORT).service(number)
                .sipPort(sipPort).mediaPort(18950).timeout(Duration.ofSeconds(20));
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
