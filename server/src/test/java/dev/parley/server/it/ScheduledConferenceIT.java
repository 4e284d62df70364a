package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.server.config.StorageSettings;
import dev.parley.testkit.BaresipControl;
import dev.parley.testkit.BaresipPeer;
import dev.parley.testkit.ParleyProcess;
import dev.parley.testkit.RtpSink;
import dev.parley.testkit.Sipp;
import dev.parley.testkit.TestConfig;
import dev.parley.testkit.Wav;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * Seed 002 against real peers: a schedule made through the API a few seconds ahead dials two registered
 * baresip extensions (auto-answer) at its start, and they hear each other's tones; a sipp caller who is
 * not listed is answered with "there is no conference scheduled for you" (found in what it was sent)
 * and a BYE; before the end the room hears "this conference ends in six seconds", and at the end time the room ends
 * and both extensions get a BYE. The organiser's answer starts
 * the recording (a row in the database afterwards). Bad schedules are refused with 400 naming the field,
 * a second schedule of the room at the same time with 409.
 *
 * <p>A second test dials in: a caller listed by its number joins as a moderator; one listed by PIN
 * keys it and joins as a listener (muted: the moderator does not hear it).
 *
 * <p>Ports: Parley SIP 15220 and 15222, API 15221 and 15223, baresip slots 60-63, sipp SIP 5420 and
 * media 18200-18202.
 */
class ScheduledConferenceIT {
    private static final int SIP_PORT = 15220, API_PORT = 15221;
    private static final double ANN_HZ = 701, BOB_HZ = 1109;
    private static final Duration LIMIT = Duration.ofSeconds(10);
    private static final String ROOM = "4100";
    /** From now to the start: time to register both extensions. */
    private static final long LEAD_SECONDS = 6, LENGTH_SECONDS = 24, WARNING_SECONDS = 6;

    /** The server, given time to warm its codecs up on a loaded machine (16 s were seen at a load of 21). */
    private static ParleyProcess start(TestConfig config, Path dir) throws java.io.IOException {
        return ParleyProcess.start(config.writeTo(dir), dir.resolve("parley.log"), Duration.ofSeconds(90));
    }

    private static BaresipPeer extension(Path dir, int slot, String number, double hz) throws Exception {
        return BaresipPeer.start(BaresipPeer.Settings.slot(slot, dir.resolve("ext" + number))
                        .withSource(Wav.tone(8000, hz, 60, -20)).withLifetime(Duration.ofSeconds(90)),
                "<sip:" + number + "@127.0.0.1>;auth_pass=pw-" + number + ";outbound=\"sip:127.0.0.1:" + SIP_PORT
                        + "\";regint=60;answermode=auto;audio_codecs=PCMU/8000/1");
    }

    private static String schedule(Instant start, Instant end, String annDial) {
        return """
                {"room": "%s", "title": "Weekly", "start": "%s", "end": "%s", "warningSeconds": %d, "retries": 1,
                 "retryDelaySeconds": 2, "record": true,
                 "organiser": {"name": "Ann", "number": "1001", "dial": "%s"},
                 "participants": [{"name": "Bob", "number": "1002", "dial": "user/1002", "role": "participant"}]}
                """.formatted(ROOM, start, end, WARNING_SECONDS, annDial);
    }

    @Test
    void theScheduleDialsBothExtensionsAtItsStartRefusesAnUnlistedCallerAndEndsAtItsEnd() throws Exception {
        Path dir = ItSupport.outDir(getClass(), "scheduled");
        Path serverDir = dir.resolve("server");
        TestConfig config = TestConfig.forPort(SIP_PORT).withoutSounds().withApiPort(API_PORT)
                .withRoute("{ match: '^" + ROOM + "$', room: '" + ROOM + "' }")
                .withTopLevel("extensions:\n  '1001': { password: 'pw-1001', name: 'Ann' }\n"
                        + "  '1002': { password: 'pw-1002', name: 'Bob' }\n");
        BaresipPeer ann = null, bob = null;
        Timeline ta, tb;
        long bothIn, measured, warnedAt;
        Instant start, end, annClosed, bobClosed;
        Sipp.Result unlisted;
        Wav refusal;
        try (ParleyProcess server = start(config, serverDir)) {
            ApiClient api = new ApiClient(API_PORT, ApiClient.generatedToken(serverDir));
            try {
                ann = extension(dir, 60, "1001", ANN_HZ);
                bob = extension(dir, 61, "1002", BOB_HZ);
                server.awaitLog("extension 1001 registered", LIMIT);
                server.awaitLog("extension 1002 registered", LIMIT);

                start = Instant.now().plusSeconds(LEAD_SECONDS).truncatedTo(ChronoUnit.MILLIS);
                end = start.plusSeconds(LENGTH_SECONDS);
                ApiClient.Reply bad = api.post("/api/v1/schedules", schedule(start, end, "pots/1001"));
                assertThat(bad.status()).as("a bad dial string: " + bad.body()).isEqualTo(400);
                assertThat(bad.body().at("/error/message").asText()).startsWith("participants[0].dial");
                ApiClient.Reply created = api.post("/api/v1/schedules", schedule(start, end, "user/1001"));
                assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
                String id = created.body().path("id").asText();
                ApiClient.Reply clash = api.post("/api/v1/schedules", schedule(start.plusSeconds(5), end, "user/1001"));
                assertThat(clash.status()).as("the room is taken then: " + clash.body()).isEqualTo(409);
                JsonNode listed = api.get("/api/v1/schedules?room=" + ROOM).body().path("schedules");
                assertThat(listed).hasSize(1);
                assertThat(listed.get(0).path("participants").get(0).path("role").asText()).isEqualTo("organiser");

                BaresipControl.Event annIn = ann.awaitEvent("CALL_ESTABLISHED", Duration.ofSeconds(LEAD_SECONDS + 15));
                BaresipControl.Event bobIn = bob.awaitEvent("CALL_ESTABLISHED", LIMIT);
                assertThat(annIn).as("Ann was dialled and answered").isNotNull();
                assertThat(bobIn).as("Bob was dialled and answered").isNotNull();
                assertThat(Instant.now()).as("dialled at the start, not before").isAfter(start);
                ta = Timeline.of(annIn);
                tb = Timeline.of(bobIn);
                bothIn = System.nanoTime();

                try (RtpSink media = RtpSink.open(18200)) {
                    unlisted = Sipp.scenario(ItSupport.resource("sipp/uac-unscheduled.xml"), dir.resolve("unlisted"))
                            .target(SIP_PORT).service(ROOM).sipPort(5420).mediaPort(18202)
                            .key("caller", "5550199").key("rtp_port", Integer.toString(media.port()))
                            .timeout(Duration.ofSeconds(25)).run();
                    refusal = media.audioBetween(0, Long.MAX_VALUE);
                }
                measured = System.nanoTime();

                server.awaitLog("warned that it ends", Duration.ofSeconds(LENGTH_SECONDS));
                warnedAt = System.nanoTime();
                assertThat(ann.awaitEvent("CALL_CLOSED", Duration.ofSeconds(LENGTH_SECONDS))).as("Ann got a BYE").isNotNull();
                annClosed = Instant.now();
                assertThat(bob.awaitEvent("CALL_CLOSED", LIMIT)).as("Bob got a BYE").isNotNull();
                bobClosed = Instant.now();

                assertThat(api.delete("/api/v1/schedules/" + id).status()).isEqualTo(204);
                assertThat(api.get("/api/v1/schedules/" + id).status()).isEqualTo(404);
            } finally {
                if (ann != null) ann.close();
                if (bob != null) bob.close();
            }
            assertThat(server.log()).contains("dialling Ann (user/1001), attempt 1 of 2")
                    .contains("caller 5550199 is not listed").contains("room " + ROOM + " ends");
            assertThat(server.isAlive()).isTrue();
        }

        assertThat(unlisted.succeeded()).as("the unlisted caller was answered and got a BYE; " + unlisted.describe())
                .isTrue();
        double match = PromptMatch.bestCorrelation(refusal, Prompts.load("not-scheduled"), 2.0);
        assertThat(match).as("the unlisted caller was sent the not-scheduled prompt (%.1f s of audio)",
                refusal.durationSeconds()).isGreaterThan(0.8);

        assertThat(annClosed).as("the room ended at its end time, not before").isAfter(end);
        assertThat(Duration.between(end, bobClosed)).as("and soon after it").isLessThan(Duration.ofSeconds(15));

        double annHearsBob = ta.levelDb(ann.heard(), BOB_HZ, bothIn, 0.5, measured, 0);
        double bobHearsAnn = tb.levelDb(bob.heard(), ANN_HZ, bothIn, 0.5, measured, 0);
        String what = String.format("Ann hears Bob %.1f, Bob hears Ann %.1f dBFS; %s, %s", annHearsBob, bobHearsAnn,
                ann.heardFile().orElseThrow(), bob.heardFile().orElseThrow());
        assertThat(annHearsBob).as(what).isGreaterThan(-35);
        assertThat(bobHearsAnn).as(what).isGreaterThan(-35);

        // The warning is mixed with Bob's tone in what Ann heard: without it, it matches as alone (about
        // 0.98; the same sentence with "five" reaches 0.55), so the number is what was heard.
        double warning = ta.at(warnedAt);
        Wav around = PromptMatch.withoutTone(
                ann.heard().slice(Math.max(0, warning - 3), Math.min(ann.heard().durationSeconds(), warning + 6)), BOB_HZ);
        Wav spoken = PromptMatch.withoutTone(Prompts.endingWarning("numbers/6", "numbers/seconds"), BOB_HZ);
        double warned = PromptMatch.bestCorrelation(around, spoken, spoken.durationSeconds());
        assertThat(warned).as("Ann heard \"this conference ends in six seconds\" before the end; " + ann.heardFile().orElseThrow())
                .isGreaterThan(0.8);

        assertThat(StoreItSupport.recordings(new StorageSettings(serverDir.resolve("data"), "", "", ""), ROOM))
                .as("the organiser's answer started the recording").isNotEmpty();
    }

    @Test
    void listedCallersDialInWithTheirRolesByNumberOrByAKeyedPin() throws Exception {
        int sipPort = 15222, apiPort = 15223;
        Path dir = ItSupport.outDir(getClass(), "dialIn");
        Path serverDir = dir.resolve("server");
        TestConfig config = TestConfig.forPort(sipPort).withoutSounds().withApiPort(apiPort)
                .withRoute("{ match: '^4200$', room: '4200' }");
        BaresipPeer carol = null, dave = null;
        Timeline tc, td;
        long bothIn, measured;
        JsonNode members;
        try (ParleyProcess server = start(config, serverDir)) {
            ApiClient api = new ApiClient(apiPort, ApiClient.generatedToken(serverDir));
            // Starts in a minute, so nobody is dialled; listed people may join early (5 minutes by default).
            Instant start = Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
            ApiClient.Reply created = api.post("/api/v1/schedules", """
                    {"room": "4200", "start": "%s", "end": "%s",
                     "participants": [{"name": "Carol", "number": "peer62", "role": "moderator"},
                                      {"name": "Dave", "pin": "24680", "role": "listener"}]}
                    """.formatted(start, start.plusSeconds(600)));
            assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
            String added = cli(api, "schedule", "add", "4300", "--start", "+30m", "--end", "+30m", "--title", "From the CLI",
                    "--participant", "name=Zed,number=1099,dial=user/1099");
            assertThat(added).contains("room 4300 from").contains("1 people");
            assertThat(cli(api, "schedules")).contains("4200").contains("4300").contains("From the CLI");
            assertThat(cli(api, "schedule", "add", "4300", "--start", "+1m", "--end", "+1h", "--participant", "name=Y,dial=pots/1"))
                    .as("the API's refusal is printed").contains("bad_request: participants[0].dial");
            try {
                carol = ItSupport.toneCaller(dir, 62, ANN_HZ, -20);
                dave = ItSupport.toneCaller(dir, 63, BOB_HZ, -20);
                tc = Timeline.of(carol.dialAndAwaitEstablished("sip:4200@127.0.0.1:" + sipPort, LIMIT));
                server.awaitLog("caller is Carol (moderator)", LIMIT);
                td = Timeline.of(dave.dialAndAwaitEstablished("sip:4200@127.0.0.1:" + sipPort, LIMIT));
                server.awaitLog("asking for a PIN", LIMIT);
                Thread.sleep(800);
                for (char c : "24680#".toCharArray()) {
                    dave.sendDigit(c);
                    Thread.sleep(350);
                }
                server.awaitLog("PIN of Dave (listener)", LIMIT);
                server.awaitLog("joined room 4200 as member 2", LIMIT);
                bothIn = System.nanoTime();
                members = api.get("/api/v1/rooms/4200/members").body().path("members");
                ItSupport.letAudioFlow(Duration.ofSeconds(3));
                measured = System.nanoTime();
                carol.hangup();
                dave.hangup();
                carol.awaitEvent("CALL_CLOSED", LIMIT);
                dave.awaitEvent("CALL_CLOSED", LIMIT);
            } finally {
                if (carol != null) carol.close();
                if (dave != null) dave.close();
            }
            assertThat(server.log()).as("PIN digits are never logged").doesNotContain("digit '2'").doesNotContain("dialling");
            assertThat(server.isAlive()).isTrue();
        }
        assertThat(members).hasSize(2);
        assertThat(members.get(0).path("role").asText()).as("Carol, listed by number: " + members).isEqualTo("moderator");
        assertThat(members.get(1).path("muted").asBoolean()).as("Dave, by PIN, a listener: " + members).isTrue();
        double daveHearsCarol = td.levelDb(dave.heard(), ANN_HZ, bothIn, 0.5, measured, 0);
        double carolHearsDave = tc.peakDb(carol.heard(), BOB_HZ, bothIn, 0.5, measured, 0);
        String what = String.format("Dave hears Carol %.1f, Carol hears Dave (peak) %.1f dBFS; %s", daveHearsCarol,
                carolHearsDave, carol.heardFile().orElseThrow());
        assertThat(daveHearsCarol).as(what).isGreaterThan(-35);
        assertThat(carolHearsDave).as("the listener is muted; " + what).isLessThan(-50);
    }

    /** Runs {@code ./parley ARGS --api .. --token ..} (the packaged jar) and returns what it printed, stderr included. */
    private static String cli(ApiClient api, String... args) throws Exception {
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                ParleyProcess.home().resolve("server/target/parley-server.jar").toString()));
        cmd.addAll(java.util.List.of(args));
        cmd.addAll(java.util.List.of("--api", api.base(), "--token", api.token()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) throw new AssertionError("CLI did not end: " + cmd);
            return new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } finally {
            p.destroyForcibly();
        }
    }
}
