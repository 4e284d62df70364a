package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.testkit.BaresipControl;
import dev.parley.testkit.BaresipPeer;
import dev.parley.testkit.Goertzel;
import dev.parley.testkit.ParleyProcess;
import dev.parley.testkit.Sipp;
import dev.parley.testkit.TestConfig;
import dev.parley.testkit.Wav;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A route with {@code ask:} against a small real HTTP server (the JDK's) that decides by the dialled
 * number: 8001 joins room board-7 muted (a sipp caller, found there through the API, kicked with a
 * BYE it awaits), 8002 is rejected with 403 (seen by sipp), 8003 hears a tone prompt and is hung up
 * (a baresip caller hears the tone, then the BYE), and 8004 gets no answer in time, so the route's
 * own room is the fallback. The webhook is sent the caller, the number and the asked-for header, signed
 * with the route's secret: the receiver checks every request with its own HMAC code and would refuse
 * one whose signature is wrong (RoutingWebhookPinAndFallbackIT sees it refuse).
 *
 * <p>Ports: SIP 15213, API 15214, webhook 15290, sipp SIP 5411-5413 with media 18110-18130,
 * baresip slot 57.
 */
class RoutingWebhookIT {
    private static final int SIP_PORT = 15213;
    private static final int API_PORT = 15214;
    private static final int WEBHOOK_PORT = 15290;
    private static final double PROMPT_HZ = 1000;
    private static final Duration LIMIT = Duration.ofSeconds(10);
    private static final String SECRET = "routing-secret-for-tests";

    /** The decisions, by dialled number; 8004 is answered too late on purpose. */
    private static String answer(String number, String prompt) {
        return switch (number) {
            case "8001" -> "{\"action\": \"join\", \"room\": \"board-7\", \"flags\": [\"muted\"]}";
            case "8002" -> "{\"action\": \"reject\", \"status\": 403, \"reason\": \"Not scheduled\"}";
            case "8003" -> "{\"action\": \"play\", \"sound\": \"" + prompt + "\"}";
            default -> "{\"action\": \"reject\", \"status\": 404}";
        };
    }

    @Test
    void theWebhookJoinsRejectsAndPlaysToCallersAndItsSilenceFallsBackToTheRoutesRoom() throws Exception {
        Path dir = ItSupport.outDir(getClass(), "ask");
        Path serverDir = dir.resolve("server");
        String prompt = "file:prompt.wav"; // written into the announcements directory once the server made it
        RoutingReceiver webhook = RoutingReceiver.start(WEBHOOK_PORT, SECRET, request -> {
            String number = request.path("number").asText();
            if (number.equals("8004")) sleepPastTheTimeout();
            return answer(number, prompt);
        });
        Map<String, JsonNode> asked = webhook.asked();
        TestConfig config = TestConfig.forPort(SIP_PORT).withoutSounds().withApiPort(API_PORT)
                .withRoute("{ match: '^8\\d{3}$', room: lobby, ask: { url: 'http://127.0.0.1:" + WEBHOOK_PORT
                        + "/route', timeout: 4s, headers: 'Contact', secret: '" + SECRET + "' } }");
        try (ParleyProcess server = ItSupport.startServer(config, serverDir)) {
            ApiClient api = new ApiClient(API_PORT, ApiClient.generatedToken(serverDir));
            Wav.writeTone(serverDir.resolve("data").resolve("announcements").resolve("prompt.wav"), 8000, PROMPT_HZ, 2, -16);

            // 8001: joined to the room the webhook names, with its flag.
            try (Sipp joined = sipp("uac-await-bye.xml", dir.resolve("join"), "8001", 5411, 18110).start()) {
                JsonNode member = api.awaitMembers("board-7", 1, LIMIT).get(0);
                assertThat(member.path("muted").asBoolean()).as("the webhook's muted flag: %s", member).isTrue();
                assertThat(api.get("/api/v1/rooms/lobby").status()).as("not the route's room").isEqualTo(404);
                assertThat(api.post("/api/v1/rooms/board-7/members/" + member.path("id").asInt() + "/kick", null).status())
                        .isEqualTo(202);
                Sipp.Result r = joined.await();
                assertThat(r.succeeded()).as(r.describe()).isTrue();
            }
            JsonNode request = asked.get("8001");
            assertThat(request.at("/caller/user").asText()).isEqualTo("mute");
            assertThat(request.path("callId").asText()).isNotEmpty();
            assertThat(request.at("/route/room").asText()).isEqualTo("lobby");
            assertThat(request.at("/headers/Contact").asText()).as("the asked-for header: %s", request)
                    .contains("sip:mute@127.0.0.1:5411");

            // 8002: rejected with the webhook's status, which sipp must receive.
            Sipp.Result rejected = sipp("uac-expect-403.xml", dir.resolve("reject"), "8002", 5412, 18120).run();
            assertThat(rejected.succeeded()).as(rejected.describe()).isTrue();
            assertThat(rejected.messages()).contains("403 Not scheduled");

            // 8003: hears the prompt, then is hung up.
            BaresipPeer listener = BaresipPeer.start(BaresipPeer.Settings.slot(57, dir.resolve("peer57"))
                    .withCodecs("PCMU/8000/1").withLifetime(Duration.ofSeconds(40)));
            try {
                listener.dialAndAwaitEstablished("sip:8003@127.0.0.1:" + SIP_PORT, LIMIT);
                BaresipControl.Event closed = listener.awaitEvent("CALL_CLOSED", LIMIT);
                assertThat(closed.param()).as("ended by our BYE").doesNotContain("timeout");
            } finally {
                listener.close();
            }
            Wav heard = listener.heard();
            double level = Goertzel.medianLevelDb(heard, PROMPT_HZ, 0.3, 1.7);
            assertThat(level).as("the prompt's %.0f Hz in %s", PROMPT_HZ, listener.heardFile().orElseThrow())
                    .isGreaterThan(-35);
            assertThat(heard.durationSeconds()).as("hung up after the 2 s prompt, not left in a room").isLessThan(6);
            assertThat(api.get("/api/v1/rooms/lobby").status()).as("the prompt's caller never joined").isEqualTo(404);

            // 8004: the webhook is too slow, so the route's own room takes the call.
            try (Sipp fallback = sipp("uac-await-bye.xml", dir.resolve("fallback"), "8004", 5413, 18130).start()) {
                JsonNode member = api.awaitMembers("lobby", 1, LIMIT).get(0);
                server.awaitLog("no answer within 4000 ms; fallback room", LIMIT);
                api.post("/api/v1/rooms/lobby/members/" + member.path("id").asInt() + "/kick", null);
                Sipp.Result r = fallback.await();
                assertThat(r.succeeded()).as(r.describe()).isTrue();
            }
            assertThat(server.isAlive()).isTrue();
            assertThat(server.log()).as("a signed webhook is not warned about").doesNotContain("is unsigned");
        } finally {
            webhook.close();
        }
        assertThat(webhook.refused()).as("every request carried the right signature").isEmpty();
        assertThat(asked).as("and all four were asked").containsOnlyKeys("8001", "8002", "8003", "8004");
    }

    private static Sipp.Builder sipp(String scenario, Path dir, String number, int sipPort, int mediaPort) {
        return Sipp.scenario(ItSupport.resource("sipp/" + scenario), dir).target(SIP_PORT).service(number)
                .sipPort(sipPort).mediaPort(mediaPort).timeout(Duration.ofSeconds(30));
    }

    private static void sleepPastTheTimeout() {
        try {
            Thread.sleep(7_000); // past the route's 4 s
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
