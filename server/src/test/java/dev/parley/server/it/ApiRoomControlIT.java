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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The room and call actions of the API against real peers: it creates an empty room held open, dials
 * a baresip peer into room 3000 with a caller ID and the muted flag (the peer sees the caller ID, the
 * invite's progress is on the event stream), records the room (the WAV holds the caller's tone),
 * moves the caller into the created room (the invited peer stops hearing its tone), rings a sipp UAS
 * and cancels the invite (sipp sees the CANCEL), hangs up the answered invite with the same DELETE,
 * lists the billing records and the recording, and shows the tick histogram in /metrics. Some steps
 * go through the CLI ({@code parley record}, {@code dial}, {@code billing}) as a user would.
 *
 * <p>Ports: SIP 15211, API 15212, baresip slots 55-56, sipp SIP 5410, sipp media 18100.
 */
class ApiRoomControlIT {
    private static final int SIP_PORT = 15211;
    private static final int API_PORT = 15212;
    private static final int SIPP_PORT = 5410;
    private static final double CALLER_HZ = 443, INVITED_HZ = 701;
    private static final Duration LIMIT = Duration.ofSeconds(10);
    /** How long each side of the move is heard. */
    private static final Duration PHASE = Duration.ofSeconds(3);
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    @Test
    void theApiCreatesARoomDialsRecordsMovesAndCancelsWithRealPeers() throws Exception {
        Path dir = ItSupport.outDir(getClass(), "control");
        Path serverDir = dir.resolve("server");
        BaresipPeer caller = null;
        BaresipPeer invited = null;
        Timeline invitedTimeline;
        long beforeMove, moved, invitedHungUp;
        try (ParleyProcess server = ItSupport.startServer(
                TestConfig.forPort(SIP_PORT).withoutSounds().withApiPort(API_PORT), serverDir)) {
            ApiClient api = new ApiClient(API_PORT, ApiClient.generatedToken(serverDir));
            try (EventStreamClient events = new EventStreamClient(api, "")) {
                events.await(m -> type(m).equals("stream.hello"), "stream.hello", LIMIT);

                // An empty room, held open; the same name again conflicts, an unknown profile is refused.
                ApiClient.Reply created = api.post("/api/v1/rooms", "{\"name\": \"lobby\", \"holdOpen\": true}");
                assertThat(created.status()).as("create: %s", created.body()).isEqualTo(201);
                assertThat(created.body().path("memberCount").asInt()).isZero();
                assertThat(api.post("/api/v1/rooms", "{\"name\": \"lobby\"}").body().at("/error/code").asText())
                        .isEqualTo("room_exists");
                assertThat(api.post("/api/v1/rooms", "{\"name\": \"other\", \"profile\": \"nope\"}").body()
                        .at("/error/code").asText()).isEqualTo("profile_not_found");
                assertThat(api.post("/api/v1/rooms", "{\"name\": \"-bad\"}").status()).isEqualTo(400);
                events.await(m -> type(m).equals("room.created") && m.path("room").asText().equals("lobby"),
                        "room.created of lobby", LIMIT);

                try {
                    caller = ItSupport.toneCaller(dir, 55, CALLER_HZ, -16);
                    caller.dialAndAwaitEstablished(ItSupport.roomUri(SIP_PORT), LIMIT);
                    events.await(m -> type(m).equals("member.joined") && m.path("room").asText().equals("3000"),
                            "the caller joins 3000", LIMIT);

                    // Dial the second peer into 3000, muted, with our caller ID.
                    invited = ItSupport.toneCaller(dir, 56, INVITED_HZ, -16);
                    String uri = "sip:peer56@127.0.0.1:" + invited.settings().sipPort();
                    ApiClient.Reply dialled = api.post("/api/v1/rooms/3000/invites", "{\"dialString\": \"" + uri
                            + "\", \"callerIdNumber\": \"5550100\", \"callerIdName\": \"Board\", \"flags\": [\"muted\"]}");
                    assertThat(dialled.status()).as("dial: %s", dialled.body()).isEqualTo(201);
                    String inviteId = dialled.body().path("invite").asText();
                    // baresip answers by itself, so its first event is the established call, naming the From.
                    BaresipControl.Event established = invited.awaitEvent("CALL_ESTABLISHED", LIMIT);
                    assertThat(established.peerUri()).as("the From the invited peer sees").contains("5550100@");
                    invitedTimeline = Timeline.of(established);
                    events.await(m -> isInvite(m, inviteId, "invite.answered"), "invite.answered", LIMIT);
                    JsonNode joined = events.await(m -> type(m).equals("member.joined") && m.path("room").asText().equals("3000")
                            && m.path("member").asInt() == 2, "the invited peer joins 3000", LIMIT);
                    assertThat(joined.path("flags").toString()).contains("muted");
                    assertThat(api.get("/api/v1/rooms/3000/members/2").body().path("muted").asBoolean())
                            .as("joined with the muted flag").isTrue();

                    // Record the room: the file is there when the answer comes, the caller's tone in it.
                    ApiClient.Reply rec = api.post("/api/v1/rooms/3000/recording", null);
                    assertThat(rec.status()).as("record: %s", rec.body()).isEqualTo(201);
                    Path file = Path.of(rec.body().path("file").asText());
                    assertThat(api.post("/api/v1/rooms/3000/recording", null).body().at("/error/code").asText())
                            .isEqualTo("already_recording");
                    assertThat(api.get("/api/v1/rooms/3000").body().path("recording").asBoolean()).isTrue();
                    ItSupport.letAudioFlow(PHASE);

                    // Move the caller into the lobby: the invited peer, left in 3000, stops hearing it.
                    beforeMove = System.nanoTime();
                    ApiClient.Reply move = api.post("/api/v1/rooms/3000/members/1/move", "{\"room\": \"lobby\"}");
                    moved = System.nanoTime();
                    assertThat(move.status()).as("move: %s", move.body()).isEqualTo(200);
                    assertThat(move.body().path("room").asText()).isEqualTo("lobby");
                    JsonNode left = events.await(m -> type(m).equals("member.left") && m.path("room").asText().equals("3000")
                            && m.path("member").asInt() == 1, "the caller leaves 3000", LIMIT);
                    assertThat(left.path("reason").asText()).isEqualTo("moved");
                    events.await(m -> type(m).equals("member.joined") && m.path("room").asText().equals("lobby"),
                            "the caller joins the lobby", LIMIT);
                    assertThat(api.post("/api/v1/rooms/3000/members/2/move", "{\"room\": \"lobby\"}").body()
                            .at("/error/code").asText()).as("a call we placed stays").isEqualTo("not_movable");
                    assertThat(api.post("/api/v1/rooms/lobby/members/" + move.body().path("member").asInt() + "/move",
                            "{\"number\": \"9999\"}").body().at("/error/code").asText()).isEqualTo("no_route");

                    Cli.Run stop = Cli.run(api, "record", "3000", "stop", "--json");
                    assertThat(stop.exitCode()).as("parley record 3000 stop: %s", stop.out()).isZero();
                    assertThat(JSON.readTree(stop.out()).path("file").asText()).isEqualTo(file.toString());
                    JsonNode stopped = events.await(m -> type(m).equals("recording.stopped"), "recording.stopped", LIMIT);
                    assertThat(Path.of(stopped.path("path").asText())).isEqualTo(file);
                    assertThat(api.delete("/api/v1/rooms/3000/recording").body().at("/error/code").asText())
                            .isEqualTo("not_recording");
                    Wav recorded = Wav.read(file);
                    double inRecording = Goertzel.medianLevelDb(recorded, CALLER_HZ, 0.5, recorded.durationSeconds() - 0.5);
                    assertThat(inRecording).as("the caller's tone in %s", file).isGreaterThan(-35);

                    ItSupport.letAudioFlow(PHASE);

                    // Ring a sipp UAS and cancel while it rings: sipp's scenario needs the CANCEL to pass.
                    try (Sipp ringing = Sipp.scenario(ItSupport.resource("sipp/uas-ring.xml"), dir.resolve("sipp-ring"))
                            .target((String) null).sipPort(SIPP_PORT).mediaPort(18100).timeout(Duration.ofSeconds(30))
                            .start()) {
                        Cli.Run ring = Cli.run(api, "dial", "3000", "sip:ring@127.0.0.1:" + SIPP_PORT, "--json");
                        assertThat(ring.exitCode()).as("parley dial: %s", ring.out()).isZero();
                        String ringId = JSON.readTree(ring.out()).path("invite").asText();
                        events.await(m -> isInvite(m, ringId, "invite.ringing"), "invite.ringing", LIMIT);
                        ApiClient.Reply cancel = api.delete("/api/v1/rooms/3000/invites/" + ringId);
                        assertThat(cancel.status()).as("cancel: %s", cancel.body()).isEqualTo(202);
                        assertThat(cancel.body().path("outcome").asText()).isEqualTo("cancelled");
                        events.await(m -> isInvite(m, ringId, "invite.cancelled"), "invite.cancelled", LIMIT);
                        Sipp.Result r = ringing.await();
                        assertThat(r.succeeded()).as(r.describe()).isTrue();
                        assertThat(api.delete("/api/v1/rooms/3000/invites/" + ringId).body().at("/error/code").asText())
                                .as("a cancelled invite is gone").isEqualTo("invite_not_found");
                    }

                    // The answered invite: the same DELETE hangs it up.
                    ApiClient.Reply hangup = api.delete("/api/v1/rooms/3000/invites/" + inviteId);
                    assertThat(hangup.body().path("outcome").asText()).as("%s", hangup.body()).isEqualTo("hung-up");
                    invited.awaitEvent("CALL_CLOSED", LIMIT);
                    invitedHungUp = System.nanoTime();

                    JsonNode records = api.get("/api/v1/billing?room=3000&from=2020-01-01").body().path("records");
                    assertThat(records).as("billing records of 3000: %s", records).hasSize(2);
                    assertThat(records.get(0).path("leaveReason").asText()).isEqualTo("MOVED");
                    assertThat(records.get(1).path("callerNumber").asText()).as("%s", records.get(1)).isNotEmpty();
                    assertThat(api.get("/api/v1/billing?from=yesterday").body().at("/error/code").asText())
                            .isEqualTo("bad_request");
                    Cli.Run billing = Cli.run(api, "billing", "--room", "3000");
                    assertThat(billing.exitCode()).isZero();
                    assertThat(billing.out()).as("parley billing --room 3000").contains("reason", "MOVED");
                    JsonNode recordings = api.get("/api/v1/recordings?room=3000").body().path("recordings");
                    assertThat(recordings).hasSize(1);
                    assertThat(recordings.get(0).path("path").asText()).isEqualTo(file.toString());

                    String metrics = api.withToken(null).getText("/metrics");
                    assertThat(metrics).contains("# TYPE parley_mixer_tick_seconds histogram",
                            "parley_mixer_late_ticks_total{worker=\"0\"}", "parley_mixer_skipped_ticks_total{worker=\"0\"}");
                    assertThat(ticks(metrics)).as("room ticks counted").isGreaterThan(100);

                    caller.hangup();
                    caller.awaitEvent("CALL_CLOSED", LIMIT);
                    // Held open, the lobby outlives its last member until it is ended.
                    assertThat(api.get("/api/v1/rooms/lobby").status()).isEqualTo(200);
                    // Ending it while a call placed into it rings cancels that call (sipp needs the CANCEL).
                    try (Sipp ringing = Sipp.scenario(ItSupport.resource("sipp/uas-ring.xml"), dir.resolve("sipp-ring-lobby"))
                            .target((String) null).sipPort(SIPP_PORT).mediaPort(18100).timeout(Duration.ofSeconds(30))
                            .start()) {
                        String ringId = api.post("/api/v1/rooms/lobby/invites",
                                "{\"dialString\": \"sip:ring@127.0.0.1:" + SIPP_PORT + "\"}").body().path("invite").asText();
                        events.await(m -> isInvite(m, ringId, "invite.ringing"), "invite.ringing in the lobby", LIMIT);
                        assertThat(api.delete("/api/v1/rooms/lobby").status()).isEqualTo(202);
                        JsonNode failed = events.await(m -> isInvite(m, ringId, "invite.failed"),
                                "invite.failed as the lobby ends", LIMIT);
                        assertThat(failed.path("status").asInt()).as("%s", failed).isEqualTo(487);
                        Sipp.Result r = ringing.await();
                        assertThat(r.succeeded()).as("the ringing phone got CANCEL: %s", r.describe()).isTrue();
                    }
                    events.await(m -> type(m).equals("room.ended") && m.path("room").asText().equals("lobby"),
                            "room.ended of lobby", LIMIT);
                } finally {
                    if (caller != null) caller.close();
                    if (invited != null) invited.close();
                }
            }
            assertThat(server.isAlive()).isTrue();
        }

        Wav heard = invited.heard();
        double before = invitedTimeline.levelDb(heard, CALLER_HZ, beforeMove, -PHASE.toSeconds() + 0.5, beforeMove, 0);
        double after = invitedTimeline.peakDb(heard, CALLER_HZ, moved, 0.5, invitedHungUp, -0.5);
        String what = String.format("the invited peer heard %s: the caller's %.0f Hz at %.1f dBFS before the move, peak %.1f after",
                invited.heardFile().orElseThrow(), CALLER_HZ, before, after);
        assertThat(before).as(what).isGreaterThan(-35);
        assertThat(after).as(what).isLessThan(-50);
    }

    private static String type(JsonNode m) {
        return m.path("type").asText();
    }

    private static boolean isInvite(JsonNode m, String id, String type) {
        return type(m).equals(type) && m.path("invite").asText().equals(id);
    }

    /** The {@code +Inf} bucket of every worker: every room tick so far. */
    private static long ticks(String metrics) {
        long total = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith("parley_mixer_tick_seconds_bucket{") && line.contains("le=\"+Inf\"")) {
                total += Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }
}
