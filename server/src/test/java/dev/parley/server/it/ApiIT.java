package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.testkit.BaresipPeer;
import dev.parley.testkit.ParleyProcess;
import dev.parley.testkit.TestConfig;
import dev.parley.testkit.Wav;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The control API against the real server and three real callers (baresip, each sending its own
 * tone, as in {@link ConferenceToneIT}): it refuses requests without the token, lists the callers,
 * mutes one so that the others stop hearing its tone, and kicks one, which receives a BYE. The
 * event stream, followed from before the first call, shows each caller join, start talking and
 * leave, in order, with increasing sequence numbers.
 *
 * <p>Ports: SIP 15080, API 8580, baresip slots 10-12.
 */
class ApiIT {
    private static final int SIP_PORT = 15080;
    private static final int API_PORT = 8580;
    private static final double[] TONES_HZ = {443, 701, 1109};
    private static final Duration EVENT_LIMIT = Duration.ofSeconds(10);
    /** How long each side of the mute is measured; the recordings are cut around it (see below). */
    private static final double PHASE_SECONDS = 4;

    @Test
    void theApiListsMutesAndKicksRealCallersWhileTheStreamShowsThemJoinTalkAndLeave() throws Exception {
        Path dir = ItSupport.outDir(getClass(), "control");
        Path serverDir = dir.resolve("server");
        List<BaresipPeer> peers = new ArrayList<>();
        try (ParleyProcess server = ItSupport.startServer(
                TestConfig.forPort(SIP_PORT).withoutSounds().withApiPort(API_PORT), serverDir)) {
            ApiClient api = new ApiClient(API_PORT, ApiClient.generatedToken(serverDir));
            assertThat(server.log()).as("the generated token is printed once").contains("API token (saved in");

            assertThat(api.withToken(null).get("/api/v1/rooms").status()).as("no token").isEqualTo(401);
            ApiClient.Reply wrong = api.withToken("not-the-token").get("/api/v1/rooms");
            assertThat(wrong.status()).as("wrong token").isEqualTo(401);
            assertThat(wrong.body().at("/error/code").asText()).isEqualTo("unauthorized");

            try (EventStreamClient events = new EventStreamClient(api, "room=" + ItSupport.ROOM)) {
                events.await(m -> m.path("type").asText().equals("stream.hello"), "stream.hello", EVENT_LIMIT);
                try {
                    for (int slot = 0; slot < TONES_HZ.length; slot++) {
                        peers.add(BaresipPeer.start(BaresipPeer.Settings.slot(10 + slot, dir.resolve("peer" + slot))
                                .withSource(Wav.tone(8000, TONES_HZ[slot], 20, -16))
                                .withCodecs("PCMU/8000/1")
                                .withLifetime(Duration.ofSeconds(60))));
                    }
                    for (BaresipPeer p : peers) p.dialAndAwaitEstablished(ItSupport.roomUri(SIP_PORT), EVENT_LIMIT);
                    for (BaresipPeer p : peers) {
                        events.await(m -> isEvent(m, "member.joined") && m.path("caller").asText().contains(callerName(p)),
                                "member.joined of " + p, EVENT_LIMIT);
                    }

                    JsonNode rooms = api.get("/api/v1/rooms").body().path("rooms");
                    assertThat(rooms).hasSize(1);
                    assertThat(rooms.get(0).path("name").asText()).isEqualTo(ItSupport.ROOM);
                    assertThat(rooms.get(0).path("memberCount").asInt()).isEqualTo(3);

                    ApiClient.Reply listed = api.get("/api/v1/rooms/3000/members");
                    assertThat(listed.status()).isEqualTo(200);
                    Map<BaresipPeer, Integer> ids = memberIds(listed.body().path("members"), peers);
                    for (JsonNode m : listed.body().path("members")) {
                        assertThat(m.path("codec").asText()).isEqualTo("PCMU");
                        assertThat(m.path("muted").asBoolean()).isFalse();
                        assertThat(m.path("role").asText()).isEqualTo("member");
                    }
                    assertThat(api.get("/api/v1/rooms/nope/members").body().at("/error/code").asText())
                            .isEqualTo("room_not_found");
                    assertThat(api.get("/api/v1/rooms/3000/members/99").status()).isEqualTo(404);
                    assertThat(api.post("/api/v1/rooms/3000/members/" + ids.get(peers.get(0)) + "/volume", "{\"talk\": 9}")
                            .status()).as("a step out of range").isEqualTo(400);
                    assertThat(api.post("/api/v1/rooms/3000/invites", "{\"dialString\": \"gateway/nope/123\"}")
                            .body().at("/error/code").asText()).as("an unknown gateway").isEqualTo("bad_dial_string");

                    ItSupport.letAudioFlow(Duration.ofSeconds((long) PHASE_SECONDS));
                    ApiClient.Reply muted = api.post("/api/v1/rooms/3000/members/" + ids.get(peers.get(0)) + "/mute", null);
                    assertThat(muted.status()).isEqualTo(200);
                    assertThat(muted.body().path("muted").asBoolean()).isTrue();
                    ItSupport.letAudioFlow(Duration.ofSeconds((long) PHASE_SECONDS));
                    // The listener leaves first, so the end of its recording marks PHASE_SECONDS after the mute.
                    peers.get(1).hangup();
                    peers.get(1).awaitEvent("CALL_CLOSED", EVENT_LIMIT);

                    BaresipPeer kicked = peers.get(2);
                    ApiClient.Reply kick = api.post("/api/v1/rooms/3000/members/" + ids.get(kicked) + "/kick", null);
                    assertThat(kick.status()).isEqualTo(202);
                    kicked.awaitEvent("CALL_CLOSED", EVENT_LIMIT);
                    JsonNode left = events.await(m -> isEvent(m, "member.left") && m.path("member").asInt() == ids.get(kicked),
                            "member.left of the kicked member", EVENT_LIMIT);
                    assertThat(left.path("reason").asText()).isEqualTo("kicked");
                    assertThat(api.get("/api/v1/rooms/3000").body().path("memberCount").asInt()).isEqualTo(1);

                    peers.get(0).hangup();
                    peers.get(0).awaitEvent("CALL_CLOSED", EVENT_LIMIT);
                    events.await(m -> isEvent(m, "room.ended"), "room.ended", EVENT_LIMIT);
                } finally {
                    peers.forEach(BaresipPeer::close);
                }
                assertJoinTalkLeaveInOrder(events.messages(), ids(events.messages(), peers));
            }
            assertThat(server.isAlive()).isTrue();
        }

        Wav heard = peers.get(1).heard();
        double end = heard.durationSeconds() - 0.5;
        double afterFrom = end - (PHASE_SECONDS - 1), beforeTo = end - PHASE_SECONDS - 0.5;
        double mutedBefore = heard.levelDb(TONES_HZ[0], beforeTo - 2.5, beforeTo);
        double mutedAfter = heard.levelDb(TONES_HZ[0], afterFrom, end);
        double otherAfter = heard.levelDb(TONES_HZ[2], afterFrom, end);
        String what = String.format("peer1 heard %s: muted caller's %.0f Hz %.1f dBFS before, %.1f after; other caller %.1f after",
                peers.get(1).heardFile().orElseThrow(), TONES_HZ[0], mutedBefore, mutedAfter, otherAfter);
        assertThat(mutedBefore).as("audible before the mute; " + what).isGreaterThan(-35);
        assertThat(mutedAfter).as("gone after the mute; " + what).isLessThan(-50);
        assertThat(otherAfter).as("the unmuted caller still heard; " + what).isGreaterThan(-35);
    }

    /** For each caller: joined, then talking.started, then left, with sequence numbers rising throughout. */
    private static void assertJoinTalkLeaveInOrder(List<JsonNode> messages, Map<Integer, String> members) {
        long previous = 0;
        for (JsonNode m : messages) {
            if (!m.has("seq")) continue;
            assertThat(m.path("seq").asLong()).as("sequence numbers rise: %s", m).isGreaterThan(previous);
            previous = m.path("seq").asLong();
        }
        for (var member : members.entrySet()) {
            List<String> order = new ArrayList<>();
            for (JsonNode m : messages) {
                if (m.path("member").asInt(-1) != member.getKey()) continue;
                String type = m.path("type").asText();
                if (List.of("member.joined", "member.talking.started", "member.left").contains(type) && !order.contains(type)) {
                    order.add(type);
                }
            }
            assertThat(order).as("events of %s", member.getValue())
                    .containsExactly("member.joined", "member.talking.started", "member.left");
        }
    }

    private static boolean isEvent(JsonNode m, String type) {
        return m.path("type").asText().equals(type);
    }

    /** baresip's From is {@code sip:peerN@127.0.0.1}; the member list shows it as the caller. */
    private static String callerName(BaresipPeer p) {
        return "peer" + p.settings().slot() + "@";
    }

    private static Map<BaresipPeer, Integer> memberIds(JsonNode members, List<BaresipPeer> peers) {
        Map<BaresipPeer, Integer> ids = new HashMap<>();
        for (BaresipPeer p : peers) {
            for (JsonNode m : members) if (m.path("caller").asText().contains(callerName(p))) ids.put(p, m.path("id").asInt());
        }
        assertThat(ids).as("every caller listed in %s", members).hasSize(peers.size());
        return ids;
    }

    private static Map<Integer, String> ids(List<JsonNode> messages, List<BaresipPeer> peers) {
        Map<Integer, String> ids = new HashMap<>();
        for (JsonNode m : messages) {
            if (!isEvent(m, "member.joined")) continue;
            for (BaresipPeer p : peers) {
                if (m.path("caller").asText().contains(callerName(p))) ids.put(m.path("member").asInt(), p.toString());
            }
        }
        assertThat(ids).hasSize(peers.size());
        return ids;
    }
}
