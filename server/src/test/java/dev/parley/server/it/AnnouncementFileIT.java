package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.testkit.BaresipPeer;
import dev.parley.testkit.Goertzel;
import dev.parley.testkit.ParleyProcess;
import dev.parley.testkit.TestConfig;
import dev.parley.testkit.Wav;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Announcement files against real callers: the test drops a 44.1 kHz WAV holding a 1200 Hz tone into
 * the announcements directory the server created at start, {@code parley sounds} lists it with its own
 * rate, and {@code parley play --member 1 --sound file:NAME} plays it to one of two baresip members;
 * that member's recording holds 1200 Hz (so the file was resampled to the 8 kHz room, not played at
 * the wrong speed, which would move the tone), the other's does not. A path out of the directory is
 * 400, a missing file 404, a file that is not a WAV 422, and the server still serves. {@code parley
 * rooms create} makes a room held open and one that goes away when left empty.
 *
 * <p>Ports: SIP 15300, API 8610, baresip slots 90-91.
 */
class AnnouncementFileIT {
    private static final int SIP_PORT = 15300, API_PORT = 8610;
    private static final double[] CALLER_HZ = {443, 701};
    /** Away from the callers' tones and their harmonics (886, 1329, 1402). */
    private static final double FILE_HZ = 1200;
    private static final Duration LIMIT = Duration.ofSeconds(15);
    /** A tone the caller heard: the file is at -16 dBFS, mixed and limited with the callers. */
    private static final double HEARD_DB = -30;
    /** A tone the caller did not hear: G.711 noise and the other tones stay below this. */
    private static final double NOT_HEARD_DB = -48;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aFileOfTheAnnouncementsDirectoryIsResampledAndHeardByTheOneMemberItIsPlayedTo() throws Exception {
        Path dir = ItSupport.outDir(getClass(), "file-to-one-member");
        Path serverDir = dir.resolve("server");
        List<BaresipPeer> peers = new ArrayList<>();
        try (ParleyProcess server = ItSupport.startServer(
                TestConfig.forPort(SIP_PORT).withoutSounds().withApiPort(API_PORT), serverDir)) {
            ApiClient api = new ApiClient(API_PORT, ApiClient.generatedToken(serverDir));
            Path announcements = serverDir.resolve("data").resolve("announcements");
            assertThat(announcements).as("created at start").isDirectory();
            Wav.writeTone(announcements.resolve("chime 44k.wav"), 44100, FILE_HZ, 2.5, -16);
            Files.writeString(announcements.resolve("notes.wav"), "not a sound at all");

            Cli.Run sounds = Cli.run(api, "sounds", "--json");
            assertThat(sounds.exitCode()).as(sounds.out()).isZero();
            JsonNode listed = JSON.readTree(sounds.out());
            assertThat(listed.path("builtin").findValuesAsText("name")).contains("builtin:enter", "builtin:ends-soon");
            JsonNode chime = find(listed.path("files"), "file:chime 44k.wav");
            assertThat(chime.path("rateHz").asInt()).isEqualTo(44100);
            assertThat(chime.path("durationSeconds").asDouble()).isEqualTo(2.5);
            assertThat(find(listed.path("files"), "file:notes.wav").path("problem").asText()).contains("not a RIFF/WAVE file");

            try (EventStreamClient events = new EventStreamClient(api, "room=" + ItSupport.ROOM)) {
                events.await(m -> type(m, "stream.hello"), "stream.hello", LIMIT);
                try {
                    for (int i = 0; i < CALLER_HZ.length; i++) peers.add(ItSupport.toneCaller(dir, 90 + i, CALLER_HZ[i], -16));
                    for (int i = 0; i < peers.size(); i++) {
                        peers.get(i).dialAndAwaitEstablished(ItSupport.roomUri(SIP_PORT), LIMIT);
                        int member = i + 1;
                        // Members are numbered in joining order: peer i is member i + 1.
                        events.await(m -> type(m, "member.joined") && m.path("member").asInt() == member, "member " + member, LIMIT);
                    }
                    ItSupport.letAudioFlow(Duration.ofSeconds(1));

                    Cli.Run played = Cli.run(api, "play", ItSupport.ROOM, "--member", "1", "--sound", "file:chime 44k.wav", "--json");
                    assertThat(played.exitCode()).as(played.out()).isZero();
                    JsonNode reply = JSON.readTree(played.out());
                    assertThat(reply.path("durationMillis").asLong()).isEqualTo(2500);
                    long id = reply.path("id").asLong();
                    events.await(m -> type(m, "playback.ended") && m.path("id").asLong() == id, "playback.ended of the file", LIMIT);

                    ApiClient.Reply escape = api.post("/api/v1/rooms/3000/members/2/play", "{\"sound\": \"file:../etc/passwd\"}");
                    assertThat(escape.status()).as("%s", escape.body()).isEqualTo(400);
                    assertThat(escape.body().at("/error/message").asText()).contains("sound: ", "names a path");
                    ApiClient.Reply missing = api.post("/api/v1/rooms/3000/play",
                            "{\"items\": [{\"tone\": \"440/100\"}, {\"sound\": \"file:missing.wav\"}]}");
                    assertThat(missing.status()).as("%s", missing.body()).isEqualTo(404);
                    assertThat(missing.body().at("/error/code").asText()).isEqualTo("sound_not_found");
                    assertThat(missing.body().at("/error/message").asText()).contains("items[1].sound", "'missing.wav'");
                    ApiClient.Reply garbage = api.post("/api/v1/rooms/3000/play", "{\"sound\": \"file:notes.wav\"}");
                    assertThat(garbage.status()).as("%s", garbage.body()).isEqualTo(422);
                    assertThat(garbage.body().at("/error/code").asText()).isEqualTo("bad_sound");
                    assertThat(api.get("/api/v1/rooms/3000").body().path("memberCount").asInt()).as("still serving").isEqualTo(2);

                    ItSupport.letAudioFlow(Duration.ofMillis(500));
                    for (BaresipPeer p : peers) p.hangup();
                    for (BaresipPeer p : peers) p.awaitEvent("CALL_CLOSED", LIMIT);
                } finally {
                    peers.forEach(BaresipPeer::close);
                }
            }

            roomsCreate(api);
            assertThat(server.isAlive()).isTrue();
        }

        for (int i = 0; i < peers.size(); i++) {
            Wav heard = peers.get(i).heard();
            String who = "member " + (i + 1) + " (" + peers.get(i).heardFile().orElseThrow() + ")";
            double level = Goertzel.peakBlockLevelDb(heard, FILE_HZ, 0, heard.durationSeconds());
            if (i == 0) assertThat(level).as("%s heard the file played to it", who).isGreaterThan(HEARD_DB);
            else assertThat(level).as("%s did not hear member 1's file", who).isLessThan(NOT_HEARD_DB);
            assertThat(Goertzel.medianLevelDb(heard, CALLER_HZ[1 - i], 0, heard.durationSeconds()))
                    .as("%s hears the other caller as usual", who).isGreaterThan(HEARD_DB);
        }
    }

    /** {@code parley rooms create}: held open it stays; with a short empty time it goes by itself. */
    private static void roomsCreate(ApiClient api) throws InterruptedException {
        Cli.Run held = Cli.run(api, "rooms", "create", "board", "--hold-open", "--profile", "default");
        assertThat(held.exitCode()).as(held.out()).isZero();
        assertThat(held.out()).contains("room board: created with profile default, held open");
        Cli.Run brief = Cli.run(api, "rooms", "create", "brief", "--empty-seconds", "1", "--json");
        assertThat(brief.exitCode()).as(brief.out()).isZero();
        assertThat(brief.out()).contains("\"name\":\"brief\"");
        assertThat(Cli.run(api, "rooms", "create", "board").exitCode()).as("the name is taken").isNotZero();
        assertThat(Cli.run(api, "rooms", "create", "other", "--profile", "nope").exitCode()).as("no such profile").isNotZero();
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (api.get("/api/v1/rooms/brief").status() != 404 && System.nanoTime() < deadline) Thread.sleep(100);
        assertThat(api.get("/api/v1/rooms/brief").status()).as("the empty room went after its 1 s").isEqualTo(404);
        assertThat(api.get("/api/v1/rooms/board").status()).as("the held-open room stays").isEqualTo(200);
        assertThat(Cli.run(api, "rooms").out()).contains("board");
    }

    private static JsonNode find(JsonNode list, String name) {
        for (JsonNode n : list) if (n.path("name").asText().equals(name)) return n;
        throw new AssertionError(name + " is not listed in " + list);
    }

    private static boolean type(JsonNode m, String type) {
        return m.path("type").asText().equals(type);
    }
}
