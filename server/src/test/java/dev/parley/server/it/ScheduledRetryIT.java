package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.testkit.BaresipPeer;
import dev.parley.testkit.Goertzel;
import dev.parley.testkit.ParleyProcess;
import dev.parley.testkit.Sipp;
import dev.parley.testkit.TestConfig;
import dev.parley.testkit.Wav;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Seed 002's "dials every participant, with retries", against a callee who is busy at first: a
 * schedule lists Carol (a baresip that dials in early, listed by number) and Bob, a sipp UAS dialled
 * at {@code sip:bob@...} that answers the first INVITE with 486 and the second with 200 and echoes
 * the audio it gets. The schedule dials Bob at its start, is told busy, dials him again after its
 * 2 s retry delay, and he joins: sipp saw exactly two INVITEs (two calls) and sent one 486, the API
 * lists both members, and Carol hears her own tone come back through Bob (so Bob hears the room and
 * is heard in it), which she did not before he answered.
 *
 * <p>Ports: Parley SIP 15312, API 8622, sipp SIP 5493 with media 18960-18965, baresip slot 96.
 */
class ScheduledRetryIT {
    private static final int SIP_PORT = 15312, API_PORT = 8622, SIPP_PORT = 5493;
    private static final String ROOM = "4500";
    private static final double CAROL_HZ = 701;
    private static final long LEAD_SECONDS = 5, RETRY_DELAY_SECONDS = 2;
    private static final Duration LIMIT = Duration.ofSeconds(10);
    private static final Pattern LOG_TIME = Pattern.compile("^(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3})");

    @Test
    void aParticipantWhoIsBusyAtTheStartIsDialledAgainAfterTheRetryDelayAndJoins() throws Exception {
        Path dir = ItSupport.outDir(getClass(), "busyThenAnswers");
        Path serverDir = dir.resolve("server");
        TestConfig config = TestConfig.forPort(SIP_PORT).withoutSounds().withApiPort(API_PORT)
                .withRoute("{ match: '^" + ROOM + "$', room: '" + ROOM + "' }");
        String bobDial = "sip:bob@127.0.0.1:" + SIPP_PORT;
        BaresipPeer carol = null;
        Timeline tc;
        long carolIn, busyAt, bobIn, measured;
        JsonNode members;
        Sipp.Result bob;
        String log;
        try (ParleyProcess server = ItSupport.startServer(config, serverDir);
             Sipp callee = Sipp.scenario(ItSupport.resource("sipp/uas-busy-then-echo.xml"), dir.resolve("bob"))
                     .target((String) null).service("bob").sipPort(SIPP_PORT).mediaPort(18960).calls(2)
                     .timeout(Duration.ofSeconds(60)).args("-rtp_echo").start()) {
            ApiClient api = new ApiClient(API_PORT, ApiClient.generatedToken(serverDir));
            // The ends-soon warning (60 s before the end) never comes: the test deletes the schedule first,
            // so no prompt is mixed into what Carol hears.
            Instant start = Instant.now().plusSeconds(LEAD_SECONDS).truncatedTo(ChronoUnit.MILLIS);
            ApiClient.Reply created = api.post("/api/v1/schedules", """
                    {"room": "%s", "start": "%s", "end": "%s", "warningSeconds": 60, "retries": 2, "retryDelaySeconds": %d,
                     "participants": [{"name": "Carol", "number": "peer96", "role": "participant"},
                                      {"name": "Bob", "dial": "%s", "role": "participant"}]}
                    """.formatted(ROOM, start, start.plusSeconds(120), RETRY_DELAY_SECONDS, bobDial));
            assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
            String id = created.body().path("id").asText();
            try {
                carol = ItSupport.toneCaller(dir, 96, CAROL_HZ, -20);
                tc = Timeline.of(carol.dialAndAwaitEstablished("sip:" + ROOM + "@127.0.0.1:" + SIP_PORT, LIMIT));
                server.awaitLog("caller is Carol (participant)", LIMIT);
                carolIn = System.nanoTime();

                server.awaitLog("Bob not reached (486 Busy Here), dialling again in " + RETRY_DELAY_SECONDS + " s",
                        Duration.ofSeconds(LEAD_SECONDS + 15));
                busyAt = System.nanoTime();
                server.awaitLog("schedule " + id + ": Bob answered", LIMIT.plusSeconds(RETRY_DELAY_SECONDS));
                members = api.awaitMembers(ROOM, 2, LIMIT);
                bobIn = System.nanoTime();
                ItSupport.letAudioFlow(Duration.ofSeconds(3));
                measured = System.nanoTime();

                // Deleting the running schedule ends its room: both get a BYE.
                assertThat(api.delete("/api/v1/schedules/" + id).status()).isEqualTo(204);
                bob = callee.await();
                assertThat(carol.awaitEvent("CALL_CLOSED", LIMIT)).as("Carol got a BYE").isNotNull();
            } finally {
                if (carol != null) carol.close();
            }
            log = server.log();
            assertThat(server.isAlive()).isTrue();
        }

        assertThat(bob.succeeded()).as("sipp played both calls to their end: " + bob.describe()).isTrue();
        assertThat(inviteCallIds(bob.messages())).as("two attempts, each a call of its own: " + bob.describe()).hasSize(2);
        assertThat(bob.messages()).contains("SIP/2.0 486 Busy Here");
        assertThat(log.split("Bob not reached", -1)).as("one failed attempt").hasSize(2);

        assertThat(log).contains("dialling Bob (" + bobDial + "), attempt 1 of 3")
                .contains("dialling Bob (" + bobDial + "), attempt 2 of 3").doesNotContain("attempt 3 of 3");
        Duration gap = Duration.between(logTime(log, "Bob not reached (486"), logTime(log, "attempt 2 of 3"));
        assertThat(gap).as("dialled again after the retry delay, not before").isGreaterThanOrEqualTo(
                Duration.ofSeconds(RETRY_DELAY_SECONDS).minusMillis(1));

        assertThat(members.findValuesAsText("caller")).as("both in the room: " + members)
                .anyMatch(c -> c.contains("peer96@")).anyMatch(c -> c.contains("bob@127.0.0.1:" + SIPP_PORT));

        double before = tc.peakDb(carol.heard(), CAROL_HZ, carolIn, 0.3, busyAt, 0);
        double after = frameMedianLevelDb(carol.heard(), CAROL_HZ, tc.at(bobIn) + 0.5, tc.at(measured));
        String what = String.format("Carol hears her tone back through Bob: before he answered %.1f (peak), after %.1f dBFS; %s",
                before, after, carol.heardFile().orElseThrow());
        assertThat(before).as("mix-minus: not before Bob is in; " + what).isLessThan(-50);
        assertThat(after).as("Bob hears the room and is heard; " + what).isGreaterThan(-35);
    }

    /**
     * The median level of a tone over 20 ms frames. The echo comes back locked to the mixer's tick, and
     * its frames join with phase jumps (seen at almost every frame, the level of each frame steady at
     * about -24 dBFS); a 0.25 s Goertzel block adds the pieces out of phase and reads anywhere from -24
     * to -60, a frame reads true. Nothing else is heard here, so the wide bin of a frame is no risk.
     */
    private static double frameMedianLevelDb(Wav heard, double hz, double fromSec, double toSec) {
        int rate = heard.sampleRateHz(), frame = rate / 50;
        int from = (int) (fromSec * rate), to = Math.min(heard.samples().length, (int) (toSec * rate));
        java.util.List<Double> levels = new java.util.ArrayList<>();
        for (int i = Math.max(0, from); i + frame <= to; i += frame) {
            levels.add(Goertzel.levelDb(heard.samples(), i, i + frame, rate, hz));
        }
        if (levels.isEmpty()) return -200;
        java.util.Collections.sort(levels);
        return levels.get(levels.size() / 2);
    }

    /** The distinct Call-IDs of the INVITEs in sipp's message trace (a retransmission is the same call). */
    private static Set<String> inviteCallIds(String messages) {
        Set<String> ids = new LinkedHashSet<>();
        for (String message : messages.split("\n(?=INVITE sip:)")) {
            if (!message.startsWith("INVITE sip:")) continue;
            Matcher m = Pattern.compile("(?im)^Call-ID:\\s*(\\S+)").matcher(message);
            if (m.find()) ids.add(m.group(1));
        }
        return ids;
    }

    /** When the first server log line holding {@code text} was written. */
    private static LocalDateTime logTime(String log, String text) {
        for (String line : log.split("\n")) {
            if (!line.contains(text)) continue;
            Matcher m = LOG_TIME.matcher(line);
            if (m.find()) return LocalDateTime.parse(m.group(1));
        }
        throw new AssertionError("no log line with '" + text + "'");
    }
}
