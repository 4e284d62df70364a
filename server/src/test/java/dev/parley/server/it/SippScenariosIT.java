package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testkit.BaresipPeer;
import dev.parley.testkit.G711;
import dev.parley.testkit.Goertzel;
import dev.parley.testkit.ParleyProcess;
import dev.parley.testkit.RawSip;
import dev.parley.testkit.RtpSink;
import dev.parley.testkit.Sipp;
import dev.parley.testkit.TestConfig;
import dev.parley.testkit.Wav;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Call handling against SIPp scenarios (src/test/resources/sipp/) and hand-written requests
 * (src/test/resources/it/): refusals, CANCEL, OPTIONS, hold and resume, the RTP inactivity
 * timeout, malformed requests and the member limit. Each test starts its own server on its own
 * SIP port and stops it at the end.
 */
class SippScenariosIT {

    private static final Duration SIPP_LIMIT = Duration.ofSeconds(20);

    private Path dir;

    private void outDir(TestInfo info) {
        dir = ItSupport.outDir(getClass(), info.getTestMethod().orElseThrow().getName());
    }

    private Sipp.Builder sipp(String scenario, String name, int serverPort, int sipPort, int mediaPort) {
        return Sipp.scenario(ItSupport.resource("sipp/" + scenario + ".xml"), dir.resolve(name))
                .target(serverPort).service(ItSupport.ROOM).sipPort(sipPort).mediaPort(mediaPort).timeout(SIPP_LIMIT);
    }

    @Test
    void anUnknownNumberIsRefusedWith404(TestInfo info) throws IOException {
        outDir(info);
        int port = 15070;
        try (ParleyProcess server = ItSupport.startServer(TestConfig.forPort(port), dir.resolve("server"))) {
            Sipp.Result r = sipp("uac-expect-404", "sipp", port, 5150, 17000).service("9999").run();

            assertThat(r.succeeded()).as(r.describe()).isTrue();
            assertThat(server.isAlive()).isTrue();
        }
    }

    /**
     * INVITE and CANCEL go out back to back (sipp cannot do that: it reads incoming messages between
     * two sends). The server must answer the CANCEL with 200 and the INVITE with 487 (RFC 3261 9.2).
     */
    @Test
    void aCancelledInviteIsAnsweredWith487(TestInfo info) throws IOException {
        outDir(info);
        int port = 15071;
        try (ParleyProcess server = ItSupport.startServer(TestConfig.forPort(port), dir.resolve("server"));
             RawSip sip = RawSip.open(0)) {
            Map<String, String> v = requestValues(sip, port);
            v.put("sdp", request("requests/offer.sdp", v));
            v.put("sdpLength", Integer.toString(v.get("sdp").getBytes(StandardCharsets.UTF_8).length));
            sip.send(request("requests/invite.sip", v), port);
            sip.send(request("requests/cancel.sip", v), port);

            Optional<String> inviteFinal = Optional.empty(), cancelFinal = Optional.empty();
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while ((inviteFinal.isEmpty() || cancelFinal.isEmpty()) && System.nanoTime() < deadline) {
                Optional<String> m = sip.awaitFinalResponse(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
                if (m.isEmpty()) break;
                if ("INVITE".equals(RawSip.cseqMethod(m.get())) && inviteFinal.isEmpty()) inviteFinal = m;
                if ("CANCEL".equals(RawSip.cseqMethod(m.get())) && cancelFinal.isEmpty()) cancelFinal = m;
            }
            String seen = "received: " + sip.received();
            Files.writeString(dir.resolve("received.txt"), seen);

            if (inviteFinal.isPresent()) {
                String to = RawSip.header(inviteFinal.get(), "To");
                int status = RawSip.statusCode(inviteFinal.get());
                v.put("to", to);
                v.put("requestUri", status / 100 == 2 ? contactUri(inviteFinal.get()) : "sip:3000@127.0.0.1:" + port);
                if (status / 100 == 2) v.put("branch", "z9hG4bK-" + ThreadLocalRandom.current().nextLong(1L << 48));
                sip.send(request("requests/ack.sip", v), port);
                if (status / 100 == 2) { // CANCEL lost the race: leave the room again before failing
                    v.put("branch", "z9hG4bK-" + ThreadLocalRandom.current().nextLong(1L << 48));
                    sip.send(request("requests/bye.sip", v), port);
                }
            }
            assertThat(inviteFinal.map(RawSip::statusCode).orElse(0) / 100)
                    .as("the INVITE was answered with 2xx although its CANCEL followed it within a millisecond: the"
                            + " server must still be able to act on a CANCEL when it gets one (not answer before"
                            + " reading it); " + seen)
                    .isNotEqualTo(2);
            assertThat(cancelFinal.map(RawSip::statusCode)).as("response to the CANCEL; " + seen).contains(200);
            assertThat(inviteFinal.map(RawSip::statusCode)).as("final response to the INVITE; " + seen).contains(487);
            assertThat(server.isAlive()).isTrue();
        }
    }

    @Test
    void optionsIsAnsweredWith200(TestInfo info) throws IOException {
        outDir(info);
        int port = 15072;
        try (ParleyProcess server = ItSupport.startServer(TestConfig.forPort(port), dir.resolve("server"))) {
            Sipp.Result r = sipp("options", "sipp", port, 5152, 17000).run();

            assertThat(r.succeeded()).as(r.describe()).isTrue();
            assertThat(server.isAlive()).isTrue();
        }
    }

    /**
     * A talker (sipp, streaming a 1 kHz tone) and a listener whose media port is an {@link RtpSink}
     * of this test. The listener holds (sendonly; the answer must be recvonly or inactive, which
     * the scenario checks) and resumes. While held it must not get the mix: no RTP, or only silence.
     * Phases are 4 s; each is judged on its middle 2-2.5 s, timed from the listener's start.
     */
    @Test
    void aHeldMemberStopsHearingTheMixUntilItResumes(TestInfo info) throws Exception {
        outDir(info);
        int port = 15073;
        long phaseMs = 4000;
        double toneHz = 1000;
        Path ulaw = dir.resolve("tone-1000.ulaw");
        Files.write(ulaw, G711.encode(Wav.tone(8000, toneHz, 2, -16).samples(), G711.PT_PCMU));

        try (ParleyProcess server = ItSupport.startServer(TestConfig.forPort(port).withoutSounds().withLonely(false),
                dir.resolve("server"));
             RtpSink listenerMedia = RtpSink.open(18000);
             Sipp talker = sipp("uac-stream", "talker", port, 5154, 17100)
                     .key("rtp_stream", ulaw + ",-1,0").key("hold_ms", Long.toString(3 * phaseMs + 1500)).start();
             Sipp listener = sipp("uac-hold", "listener", port, 5156, 17200)
                     .key("rtp_port", Integer.toString(listenerMedia.port()))
                     .key("phase_ms", Long.toString(phaseMs)).start()) {
            Sipp.Result listened = listener.await();
            Sipp.Result talked = talker.await();
            assertThat(listened.succeeded()).as("listener: " + listened.describe()).isTrue();
            assertThat(talked.succeeded()).as("talker: " + talked.describe()).isTrue();

            long t0 = listener.startNanos();
            Window before = window(listenerMedia, t0, 1.5, 3.5, toneHz);
            Window held = window(listenerMedia, t0, phaseMs / 1000.0 + 1.0, 2 * phaseMs / 1000.0 - 0.5, toneHz);
            Window after = window(listenerMedia, t0, 2 * phaseMs / 1000.0 + 1.5, 3 * phaseMs / 1000.0 - 0.5, toneHz);
            String what = "before hold " + before + ", held " + held + ", resumed " + after;

            assertThat(before.packets()).as("mix before hold; " + what).isGreaterThanOrEqualTo(50);
            assertThat(before.toneDb()).as("talker heard before hold; " + what).isGreaterThan(-35);
            assertThat(held.packets() <= 5 || held.peakToneDb() < -50).as("no mix while held; " + what).isTrue();
            assertThat(after.packets()).as("mix after resume; " + what).isGreaterThanOrEqualTo(50);
            assertThat(after.toneDb()).as("talker heard after resume; " + what).isGreaterThan(-35);
            assertThat(server.isAlive()).isTrue();
        }
    }

    @Test
    void aMemberWhoseRtpStopsIsHungUpAfterTheRtpTimeout(TestInfo info) throws IOException {
        outDir(info);
        int port = 15074;
        try (ParleyProcess server = ItSupport.startServer(
                TestConfig.forPort(port).withRtpTimeout(Duration.ofSeconds(3)).withoutSounds(), dir.resolve("server"))) {
            Sipp.Result r = sipp("uac-await-bye", "sipp", port, 5158, 17300).run();

            assertThat(r.succeeded()).as("BYE within 12 s; " + r.describe()).isTrue();
            assertThat(r.elapsed()).as("not before the 3 s timeout").isGreaterThanOrEqualTo(Duration.ofMillis(2500));
            assertThat(server.isAlive()).isTrue();
        }
    }

    @Test
    void malformedRequestsGet400AndTheServerCarriesOn(TestInfo info) throws IOException {
        outDir(info);
        int port = 15075;
        List<Path> messages;
        try (Stream<Path> files = Files.list(ItSupport.resource("it/malformed"))) {
            messages = files.filter(f -> f.toString().endsWith(".sip")).sorted().toList();
        }
        assertThat(messages).hasSizeGreaterThanOrEqualTo(5);

        try (ParleyProcess server = ItSupport.startServer(TestConfig.forPort(port), dir.resolve("server"))) {
            StringBuilder failures = new StringBuilder();
            for (Path message : messages) {
                try (RawSip sip = RawSip.open(0)) {
                    Map<String, String> v = requestValues(sip, port);
                    sip.send(RawSip.fill(Files.readString(message), v), port);
                    Optional<String> response = sip.awaitFinalResponse(Duration.ofSeconds(3));
                    int status = response.map(RawSip::statusCode).orElse(-1);
                    if (status != 400) {
                        failures.append(message.getFileName()).append(": ")
                                .append(response.map(r -> r.lines().findFirst().orElse("")).orElse("no response in 3 s"))
                                .append('\n');
                    }
                }
            }
            try (RawSip sip = RawSip.open(0)) { // no response expected to these; they must not hurt
                sip.send("\u0000\u0001garbage\r\n\r\n", port);
                sip.send("INVITE\r\n\r\n", port);
                sip.send("SIP/2.0 200 OK\r\n\r\n", port);
            }
            Sipp.Result options = sipp("options", "options-after", port, 5160, 17000).run();

            assertThat(failures.toString()).as("requests not answered with 400").isEmpty();
            assertThat(options.succeeded()).as("OPTIONS after the malformed requests; " + options.describe()).isTrue();
            assertThat(server.isAlive()).isTrue();
        }
    }

    @Test
    void aCallerBeyondMaxMembersGetsBusyHere(TestInfo info) throws Exception {
        outDir(info);
        int port = 15076;
        try (ParleyProcess server = ItSupport.startServer(TestConfig.forPort(port).withMaxMembers(2).withoutSounds(),
                dir.resolve("server"));
             BaresipPeer first = BaresipPeer.start(BaresipPeer.Settings.slot(28, dir.resolve("peer28")));
             BaresipPeer second = BaresipPeer.start(BaresipPeer.Settings.slot(29, dir.resolve("peer29")))) {
            first.dialAndAwaitEstablished(ItSupport.roomUri(port), Duration.ofSeconds(10));
            second.dialAndAwaitEstablished(ItSupport.roomUri(port), Duration.ofSeconds(10));

            Sipp.Result third = sipp("uac-expect-486", "third", port, 5162, 17400).run();

            assertThat(third.succeeded()).as("third caller gets 486; " + third.describe()).isTrue();
            assertThat(server.isAlive()).isTrue();
            first.hangup();
            second.hangup();
        }
    }

    // ---- helpers ----------------------------------------------------------------------------

    /** What reached the listener between {@code fromSec} and {@code toSec} after {@code t0}. */
    /** Levels over 50 ms blocks: the median says "heard throughout", the peak "heard at any moment". */
    private record Window(int packets, double toneDb, double peakToneDb) {
        @Override
        public String toString() {
            return String.format("[%d packets, tone median %.1f, peak %.1f dBFS]", packets, toneDb, peakToneDb);
        }
    }

    private static Window window(RtpSink sink, long t0, double fromSec, double toSec, double toneHz) {
        long from = t0 + (long) (fromSec * 1e9), to = t0 + (long) (toSec * 1e9);
        Wav audio = sink.audioBetween(from, to);
        // Blocks, not one long window: under load a late packet or a resync shifts the tone's phase,
        // which smears a single long Goertzel window although the tone was heard all along.
        boolean enough = audio.samples().length >= 800;
        double median = enough ? Goertzel.medianLevelDb(audio, toneHz, 0, audio.durationSeconds()) : -200;
        double peak = enough ? Goertzel.peakBlockLevelDb(audio, toneHz, 0, audio.durationSeconds()) : -200;
        return new Window(sink.between(from, to).size(), median, peak);
    }

    private static Map<String, String> requestValues(RawSip sip, int serverPort) {
        long n = ThreadLocalRandom.current().nextLong(1L << 48);
        Map<String, String> v = new HashMap<>();
        v.put("host", "127.0.0.1");
        v.put("port", Integer.toString(serverPort));
        v.put("local", Integer.toString(sip.localPort()));
        v.put("room", ItSupport.ROOM);
        v.put("callId", "it-" + n + "@127.0.0.1");
        v.put("branch", "z9hG4bK-it-" + n);
        v.put("tag", "it" + n);
        v.put("mediaPort", "17500");
        return v;
    }

    private static String request(String resource, Map<String, String> values) throws IOException {
        return RawSip.fill(Files.readString(ItSupport.resource("it/" + resource)), values);
    }

    /** The URI in the Contact header of a response, for in-dialog requests. */
    private static String contactUri(String response) {
        String c = RawSip.header(response, "Contact");
        if (c == null) return "sip:127.0.0.1";
        int lt = c.indexOf('<'), gt = c.indexOf('>');
        return lt >= 0 && gt > lt ? c.substring(lt + 1, gt) : c.split(";")[0];
    }
}
