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
 * <p>Ports (all 127.0.0.1): Parley SIP 15061-15099, one per test so a server that is slow to die
 * cannot disturb the next test; Parley RTP 20000-20999 (from {@link TestConfig}); sipp SIP
 * 5100-5199 and media 16000-17999; {@link dev.parley.testkit.RtpSink} ports 18000-18999; baresip
 * slots 0-9 (SIP 5200-5219, ctrl 4400-4409, RTP 31000-31199). The control-plane tests (ApiIT,
 * WebhookIT, DashboardIT) use SIP 15080-15089, API 8580-8589, webhook receivers 8590-8599 and
 * baresip slots 10-19 (SIP 5220-5239, ctrl 4410-4419, RTP 31200-31399). The load generator's IT
 * (bench/loadgen) uses Parley SIP 15160 and RTP 21000-21099. The fault tests (ImpairedMemberIT,
 * CallFaultsIT) use Parley SIP 15280-15289, impairment relays and their API ports 19000-19099, sipp
 * SIP 5470-5479 and media 18700-18799, baresip slots 85-89. The routing-webhook fallback and PIN test and the schedule
 * retry test (RoutingWebhookPinAndFallbackIT, ScheduledRetryIT) use Parley SIP 15310-15319, API
 * 8620-8629, HTTP receivers 8630-8639, sipp SIP and media 5490-5499 and baresip slots 94-96. The
 * jitter-buffer ITs (EchoedToneIT) use Parley SIP 15330-15334, API 8650-8654, sipp SIP 5510-5514 and
 * media 18900-18949, baresip slots 84 and 89.
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
