package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.testkit.BaresipPeer;
import dev.parley.testkit.Goertzel;
import dev.parley.testkit.ParleyProcess;
import dev.parley.testkit.TestConfig;
import dev.parley.testkit.Wav;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Announcements through the API to real callers (baresip, each sending its own tone), judged on what
 * each caller recorded: one to a single member is heard by that member only; two tone sequences
 * queued to the room play in order, each with its {@code playback.started} and {@code playback.ended}
 * carrying the id the API answered; and a room with {@code max-duration} warns (event, beeps and
 * "this conference ends in eight seconds") and then ends, hanging every caller up.
 *
 * <p>Ports: SIP 15230-15231, API 15235-15236, baresip slots 65-69.
 */
class AnnouncementIT {
    private static final double[] CALLER_HZ = {443, 701, 1109};
    /** Away from the callers' tones and their harmonics (886, 1329, 1402, 1772, 2103, 2218). */
    private static final double PRIVATE_HZ = 1900;
    private static final double[] QUEUED_HZ = {520, 960, 1250};
    private static final Duration EVENT_LIMIT = Duration.ofSeconds(15);
    /** Codec warm-up alone took 13 s on the shared 2-core machine at a load of 19. */
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(90);
    /** A tone the caller heard: the announcements are at -16 dBFS, mixed and limited with the callers. */
    private static final double HEARD_DB = -30;
    /** A tone the caller did not hear: G.711 noise and the other tones stay below this. */
    private static final double NOT_HEARD_DB = -48;

    @Test
    void anAnnouncementToOneMemberIsHeardByThatMemberOnlyAndQueuedSequencesPlayInOrder() throws Exception {
        int sipPort = 15230, apiPort = 15235;
        Path dir = ItSupport.outDir(getClass(), "one-member-and-queue");
        Path serverDir = dir.resolve("server");
        List<BaresipPeer> peers = new ArrayList<>();
        long privateId, firstId, secondId;
        List<JsonNode> messages;
        try (ParleyProcess server = ParleyProcess.start(
                TestConfig.forPort(sipPort).withoutSounds().withApiPort(apiPort).writeTo(serverDir), serverDir.resolve("parley.log"), STARTUP_LIMIT)) {
            ApiClient api = new ApiClient(apiPort, ApiClient.generatedToken(serverDir));
            try (EventStreamClient events = new EventStreamClient(api, "room=" + ItSupport.ROOM)) {
                events.await(m -> m.path("type").asText().equals("stream.hello"), "stream.hello", EVENT_LIMIT);
                try {
                    for (int i = 0; i < CALLER_HZ.length; i++) peers.add(ItSupport.toneCaller(dir, 65 + i, CALLER_HZ[i], -16));
                    for (BaresipPeer p : peers) p.dialAndAwaitEstablished(ItSupport.roomUri(sipPort), EVENT_LIMIT);
                    for (int n = 1; n <= 3; n++) {
                        int member = n;
                        events.await(m -> type(m, "member.joined") && m.path("member").asInt() == member, "member " + n, EVENT_LIMIT);
                    }
                    ItSupport.letAudioFlow(Duration.ofSeconds(2));
                    // Member 2 is the second caller (peers.get(1)): members are numbered in joining order.
                    ApiClient.Reply priv = api.post("/api/v1/rooms/3000/members/2/play",
                            "{\"tone\": {\"frequencyHz\": " + PRIVATE_HZ + ", \"durationMillis\": 2500}}");
                    assertThat(priv.status()).as("%s", priv.body()).isEqualTo(202);
                    privateId = priv.body().path("id").asLong();
                    events.await(m -> ended(m, privateId), "playback.ended of the private announcement", EVENT_LIMIT);

                    ApiClient.Reply first = api.post("/api/v1/rooms/3000/play",
                            "{\"tone\": \"" + (int) QUEUED_HZ[0] + "/1200,0/300," + (int) QUEUED_HZ[1] + "/1200\", \"mode\": \"queue\"}");
                    ApiClient.Reply second = api.post("/api/v1/rooms/3000/play",
                            "{\"items\": [{\"tone\": [{\"frequencyHz\": " + QUEUED_HZ[2] + ", \"durationMillis\": 1200}]}]}");
                    assertThat(first.status()).as("%s", first.body()).isEqualTo(202);
                    assertThat(second.status()).as("%s", second.body()).isEqualTo(202);
                    assertThat(first.body().path("mode").asText()).isEqualTo("queue");
                    assertThat(first.body().path("durationMillis").asLong()).isEqualTo(2700);
                    firstId = first.body().path("id").asLong();
                    secondId = second.body().path("id").asLong();
                    assertThat(secondId).isNotEqualTo(firstId);
                    events.await(m -> ended(m, secondId), "playback.ended of the second, queued announcement", EVENT_LIMIT);
                    ItSupport.letAudioFlow(Duration.ofMillis(500));
                    for (BaresipPeer p : peers) p.hangup();
                    for (BaresipPeer p : peers) p.awaitEvent("CALL_CLOSED", EVENT_LIMIT);
                } finally {
                    peers.forEach(BaresipPeer::close);
                }
                messages = events.messages();
            }
            assertThat(server.isAlive()).isTrue();
        }

        // The events: each announcement started, then ended uninterrupted; the queued one only after the first.
        List<String> playback = new ArrayList<>();
        for (JsonNode m : messages) {
            if (!m.path("type").asText().startsWith("playback.")) continue;
            playback.add(m.path("type").asText() + " " + m.path("id").asLong() + " member " + m.path("member").asInt()
                    + (m.path("interrupted").asBoolean() ? " interrupted" : ""));
        }
        assertThat(playback).containsExactly(
                "playback.started " + privateId + " member 2", "playback.ended " + privateId + " member 2",
                "playback.started " + firstId + " member 0", "playback.ended " + firstId + " member 0",
                "playback.started " + secondId + " member 0", "playback.ended " + secondId + " member 0");

        for (int i = 0; i < peers.size(); i++) {
            Wav heard = peers.get(i).heard();
            double end = heard.durationSeconds();
            String who = "caller " + (i + 1) + " (" + peers.get(i).heardFile().orElseThrow() + ")";
            double privateLevel = Goertzel.peakBlockLevelDb(heard, PRIVATE_HZ, 0, end);
            if (i == 1) assertThat(privateLevel).as("%s heard the announcement to it", who).isGreaterThan(HEARD_DB);
            else assertThat(privateLevel).as("%s did not hear member 2's announcement", who).isLessThan(NOT_HEARD_DB);
            // The queued tones in order: where each is first heard.
            double[] onset = new double[QUEUED_HZ.length];
            for (int k = 0; k < QUEUED_HZ.length; k++) {
                onset[k] = firstHeard(heard, QUEUED_HZ[k]);
                assertThat(onset[k]).as("%s heard %.0f Hz of the room's announcements", who, QUEUED_HZ[k]).isGreaterThanOrEqualTo(0);
            }
            assertThat(onset[0]).as("%s: %.0f Hz before %.0f Hz", who, QUEUED_HZ[0], QUEUED_HZ[1]).isLessThan(onset[1]);
            assertThat(onset[1]).as("%s: %.0f Hz before %.0f Hz (the queued one)", who, QUEUED_HZ[1], QUEUED_HZ[2]).isLessThan(onset[2]);
            double other = Goertzel.medianLevelDb(heard, CALLER_HZ[(i + 1) % 3], 0, end);
            assertThat(other).as("%s hears the others as usual", who).isGreaterThan(HEARD_DB);
        }
    }

    @Test
    void aRoomWithAMaximumDurationWarnsThenEndsAndHangsEveryCallerUp() throws Exception {
        int sipPort = 15231, apiPort = 15236;
        Path dir = ItSupport.outDir(getClass(), "max-duration");
        Path serverDir = dir.resolve("server");
        List<BaresipPeer> peers = new ArrayList<>();
        JsonNode created, warned, roomEnded;
        try (ParleyProcess server = ParleyProcess.start(TestConfig.forPort(sipPort).withoutSounds().withApiPort(apiPort)
                .withProfileKey("max-duration", "12s").withProfileKey("warn-before", "8s").writeTo(serverDir),
                serverDir.resolve("parley.log"), STARTUP_LIMIT)) {
            ApiClient api = new ApiClient(apiPort, ApiClient.generatedToken(serverDir));
            try (EventStreamClient events = new EventStreamClient(api, "room=" + ItSupport.ROOM)) {
                events.await(m -> m.path("type").asText().equals("stream.hello"), "stream.hello", EVENT_LIMIT);
                try {
                    for (int i = 0; i < 2; i++) peers.add(ItSupport.toneCaller(dir, 68 + i, CALLER_HZ[i], -16));
                    for (BaresipPeer p : peers) p.dialAndAwaitEstablished(ItSupport.roomUri(sipPort), EVENT_LIMIT);
                    created = events.await(m -> type(m, "room.created"), "room.created", EVENT_LIMIT);
                    warned = events.await(m -> type(m, "room.ending-soon"), "room.ending-soon", EVENT_LIMIT);
                    events.await(m -> type(m, "playback.ended") && m.path("tag").asText().equals("ending-warning"),
                            "the warning played", EVENT_LIMIT);
                    for (BaresipPeer p : peers) p.awaitEvent("CALL_CLOSED", EVENT_LIMIT);
                    roomEnded = events.await(m -> type(m, "room.ended"), "room.ended", EVENT_LIMIT);
                    for (int n = 1; n <= 2; n++) {
                        int member = n;
                        JsonNode left = events.await(m -> type(m, "member.left") && m.path("member").asInt() == member,
                                "member.left " + n, EVENT_LIMIT);
                        assertThat(left.path("reason").asText()).isEqualTo("room-ended");
                    }
                } finally {
                    peers.forEach(BaresipPeer::close);
                }
            }
            assertThat(server.isAlive()).isTrue();
        }
        assertThat(warned.path("remainingSeconds").asLong()).isEqualTo(8);
        long warnedAfter = millisBetween(created, warned), endedAfter = millisBetween(created, roomEnded);
        assertThat(warnedAfter).as("the warning 8 s before the end").isBetween(3_500L, 5_500L);
        assertThat(endedAfter).as("the end at max-duration (the hang-ups take a moment)").isBetween(11_500L, 14_500L);
        for (int i = 0; i < peers.size(); i++) {
            BaresipPeer p = peers.get(i);
            Wav heard = p.heard();
            // The warning's first beep (988 Hz) in the last 8 s the caller heard.
            double end = heard.durationSeconds();
            assertThat(Goertzel.peakBlockLevelDb(heard, 988, Math.max(0, end - 9), end))
                    .as("%s heard the warning beeps", p.heardFile().orElseThrow()).isGreaterThan(HEARD_DB);
            // Then the words "this conference ends in eight seconds", with the other caller's tone taken out
            // (about 0.96 then; the same sentence with "five" reaches 0.57).
            double otherHz = CALLER_HZ[1 - i];
            Wav spoken = PromptMatch.withoutTone(Prompts.endingWarning("numbers/8", "numbers/seconds"), otherHz);
            Wav last = PromptMatch.withoutTone(heard.slice(Math.max(0, end - 9), end), otherHz);
            assertThat(PromptMatch.bestCorrelation(last, spoken, spoken.durationSeconds()))
                    .as("%s heard the spoken warning", p.heardFile().orElseThrow()).isGreaterThan(0.8);
        }
    }

    private static boolean type(JsonNode m, String type) {
        return m.path("type").asText().equals(type);
    }

    private static boolean ended(JsonNode m, long id) {
        return type(m, "playback.ended") && m.path("id").asLong() == id;
    }

    private static long millisBetween(JsonNode from, JsonNode to) {
        return Duration.between(Instant.parse(from.path("time").asText()), Instant.parse(to.path("time").asText())).toMillis();
    }

    /** The start of the first 0.25 s block in which {@code hz} is heard, or -1. */
    private static double firstHeard(Wav heard, double hz) {
        double[] blocks = Goertzel.blockLevelsDb(heard, hz, 0, heard.durationSeconds());
        for (int b = 0; b < blocks.length; b++) if (blocks[b] > HEARD_DB) return b * Goertzel.BLOCK_SEC;
        return -1;
    }
}
