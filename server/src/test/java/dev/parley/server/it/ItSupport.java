package dev.parley.server.it;

import dev.parley.testkit.ParleyProcess;
import dev.parley.testkit.TestConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What every integration test here shares: where its files go, how it starts the server, and the
 * port plan.
 *
 * <p>Ports (all 127.0.0.1). The ITs run two classes at a time, so no two classes share a port or a
 * baresip slot; each class names its own in its Javadoc. Ranges: Parley SIP 15061-15339 (one port per
 * test, so a server that is slow to die cannot disturb the next); Parley RTP 20000-20999 (from
 * {@link TestConfig}; servers skip pairs in use); API and webhook receivers 8580-8659, 152xx and
 * 19090-19091; sipp SIP 5100-5199 and 5400-5514, sipp media 16000-18999 (sipp takes the media port
 * and the three above it); {@link dev.parley.testkit.RtpSink} ports 18000-18999; impairment relays
 * 19000-19089. Baresip slots (slot N: SIP 5200+2N, ctrl 4400+N, RTP 31000+20N..+19), by class:
 * ConferenceToneIT 0-2, PinAndModeratorIT 4-6, WaitForModeratorIT 7-9, ApiIT 10-12, WebhookIT 13,
 * DashboardIT 14, AlonePromptIT 15, InfoKeysIT 16, RouteKeyIT 17-19, RecordingIT 20-24,
 * BillingPostgresIT 25-27, SippScenariosIT 28-29, WidebandRoomIT 30-32, MemberKeysIT 33-36,
 * InBandKeysIT 37, CallingOutIT 40-43, ExternalParticipantIT 44-45, AnnounceCountIT 46-47,
 * PlacedLegKeysIT 48-49, AdhocRoomIT 50-54, ApiRoomControlIT 55-56, RoutingWebhookIT 57,
 * RecordOnModeratorIT 58-59, ScheduledConferenceIT 60-63, AnnouncementIT 65-69, SecureCallIT 70-71,
 * OpusRecordingIT 72-74, RtcpIT 75, L16RoomIT 76-77, ComfortNoiseIT 78, Rfc4475TortureIT 80-81,
 * FloodIT 82-83, ImpairedMemberIT 85-86, CallFaultsIT 87-88, AnnouncementFileIT 90-91,
 * RoutingWebhookPinAndFallbackIT 94-95, ScheduledRetryIT 96, SecurePlacedCallIT 97-99, EchoedToneIT 89; free: 3, 38-39,
 * 64, 79, 84, 92-93. {@link dev.parley.testkit.BaresipPeer} refuses a slot a running peer holds.
 * The load generator's IT (bench/loadgen) uses Parley SIP 15160 and RTP 21000-21099.
 *
 * <p>Output of a test (server log, config, peer logs and recordings, sipp traces) stays under
 * {@code server/target/it/<TestClass>/<test>/} for reading after a failure.
 */
final class ItSupport {

    /** The room every test config routes to. */
    static final String ROOM = "3000";

    private ItSupport() {}

    /** A fresh, empty output directory for one test. */
    static Path outDir(Class<?> testClass, String test) {
        Path dir = ParleyProcess.home().resolve("server/target/it").resolve(testClass.getSimpleName()).resolve(test);
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code config} into {@code dir} and starts Parley with it; the log is {@code dir/parley.log}. */
    static ParleyProcess startServer(TestConfig config, Path dir) throws IOException {
        return ParleyProcess.start(config.writeTo(dir), dir.resolve("parley.log"), Duration.ofSeconds(90));
    }

    /** {@code sip:3000@127.0.0.1:<port>}. */
    static String roomUri(int sipPort) {
        return "sip:" + ROOM + "@127.0.0.1:" + sipPort;
    }

    /** A file of the test classpath (src/test/resources), e.g. {@code sipp/options.xml}. */
    static Path resource(String path) {
        URL url = ItSupport.class.getResource("/" + path);
        if (url == null) throw new IllegalArgumentException("no test resource " + path);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(url.toString(), e);
        }
    }

    /**
     * Lets the call run: audio only flows in real time, so measuring N seconds of it takes N
     * seconds. Every other wait in these tests is for an event, with a limit.
     */
    /** A baresip caller in its slot that sends a steady tone for up to a minute. */
    static dev.parley.testkit.BaresipPeer toneCaller(Path dir, int slot, double hz, double dbfs) throws IOException {
        return dev.parley.testkit.BaresipPeer.start(dev.parley.testkit.BaresipPeer.Settings.slot(slot, dir.resolve("peer" + slot))
                .withSource(dev.parley.testkit.Wav.tone(8000, hz, 60, dbfs)).withLifetime(Duration.ofSeconds(60)));
    }

    /**
     * A baresip registered at the server on {@code port} as extension {@code number} (password {@code
     * pw-NUMBER}, PCMU), sending {@code source}; {@code answerMode} {@code auto} or {@code manual}.
     */
    static dev.parley.testkit.BaresipPeer extension(Path dir, int slot, String number, dev.parley.testkit.Wav source,
            int port, String answerMode) throws IOException {
        return dev.parley.testkit.BaresipPeer.start(dev.parley.testkit.BaresipPeer.Settings.slot(slot, dir.resolve("ext" + number))
                        .withSource(source).withLifetime(Duration.ofSeconds(90)),
                "<sip:" + number + "@127.0.0.1>;auth_pass=pw-" + number + ";outbound=\"sip:127.0.0.1:" + port
                        + "\";regint=60;answermode=" + answerMode + ";audio_codecs=PCMU/8000/1");
    }

    /** Keys digits one by one, as a person does (baresip sends each as its own RFC 4733 event). */
    static void keyDigits(dev.parley.testkit.BaresipPeer p, String digits) throws InterruptedException {
        for (char c : digits.toCharArray()) {
            p.sendDigit(c);
            Thread.sleep(350);
        }
    }

    static void letAudioFlow(Duration d) throws InterruptedException {
        Thread.sleep(d);
    }
}
