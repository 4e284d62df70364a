package dev.parley.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One headless baresip 1.0 user agent driven over ctrl_tcp: it sends a WAV file as its microphone
 * and records what it hears.
 *
 * <p>Slot K uses SIP 127.0.0.1:5200+2K (baresip binds TLS on the next port), ctrl_tcp 4400+K and
 * RTP 31000+20K..+19, for slots 0-99.
 *
 * <p>Codecs: G.711 at 8000 Hz, {@code G722/16000/1} and {@code opus/48000/2} (baresip names codecs by
 * their sample rate, not the RTP clock). The source WAV must be at the first codec's sample rate, and
 * baresip's recordings come at the negotiated codec's (Opus in two channels, which {@link Wav} mixes
 * down). Files under {@code outDir}: {@code cfg/} (the
 * generated config, accounts and source WAV), {@code rec/} (sndfile's {@code dump-*-enc.wav}, what
 * was sent, and {@code dump-*-dec.wav}, what was received and decoded), {@code baresip.log}.
 *
 * <p>Bounded: baresip runs with {@code -t <lifetime>}, {@link #close()} asks it to quit and then
 * kills it. The source is looped to the lifetime plus a margin because aufile hangs up at its end.
 * The recording is complete once the call closed; read it after {@link #hangup()} and
 * {@code CALL_CLOSED}, or after {@link #close()}.
 */
public final class BaresipPeer implements AutoCloseable {

    public static final int SAMPLE_RATE_HZ = 8000;
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(5);

    /** What to start; make one with {@link #slot(int, Path)} and the {@code with*} methods. */
    public record Settings(int slot, Path outDir, Wav source, List<String> codecs, Duration lifetime, boolean sipTrace) {
        public Settings {
            // 100 slots: SIP 5200-5399 (TLS on +1), ctrl 4400-4499, RTP 31000-32999.
            if (slot < 0 || slot > 99) throw new IllegalArgumentException("slot 0-99, not " + slot);
            codecs = List.copyOf(codecs);
        }

        /** The sample rate of the first codec, e.g. 16000 for {@code G722/16000/1}: the source's rate. */
        public int sampleRateHz() {
            if (codecs.isEmpty()) return SAMPLE_RATE_HZ;
            String[] parts = codecs.getFirst().split("/");
            return parts.length > 1 ? Integer.parseInt(parts[1]) : SAMPLE_RATE_HZ;
        }

        /** Slot {@code slot}, silence as source, PCMU and PCMA offered, 60 s lifetime, SIP trace in the log. */
        public static Settings slot(int slot, Path outDir) {
            return new Settings(slot, outDir, Wav.silence(SAMPLE_RATE_HZ, 1), List.of("PCMU/8000/1", "PCMA/8000/1"),
                    Duration.ofSeconds(60), true);
        }

        public Settings withSource(Wav source) {
            return new Settings(slot, outDir, source, codecs, lifetime, sipTrace);
        }

        /** Codecs in baresip's notation, e.g. {@code PCMA/8000/1}, in order of preference. */
        public Settings withCodecs(String... codecs) {
            Settings s = new Settings(slot, outDir, source, List.of(codecs), lifetime, sipTrace);
            // The default silence follows the codec's rate; a source given before stays (and is checked at start).
            return source.sampleRateHz() == s.sampleRateHz() || !isSilence(source)
                    ? s : s.withSource(Wav.silence(s.sampleRateHz(), 1));
        }

        private static boolean isSilence(Wav w) {
            for (short v : w.samples()) if (v != 0) return false;
            return true;
        }

        public Settings withLifetime(Duration lifetime) {
            return new Settings(slot, outDir, source, codecs, lifetime, sipTrace);
        }

        public Settings withSipTrace(boolean sipTrace) {
            return new Settings(slot, outDir, source, codecs, lifetime, sipTrace);
        }

        public int sipPort() {
            return 5200 + 2 * slot;
        }

        public int ctrlPort() {
            return 4400 + slot;
        }

        public int firstRtpPort() {
            return 31000 + 20 * slot;
        }
    }

    private final Settings settings;
    private final Process process;
    private final BaresipControl control;
    private final Path logFile;
    private final Path recordingDir;

    /**
     * Slots of the peers running in this JVM. The ITs run two classes at a time, so two classes that
     * used one slot would talk to each other's baresip over its ctrl port: refused loudly instead.
     */
    private static final java.util.concurrent.ConcurrentHashMap<Integer, Path> SLOTS_IN_USE =
            new java.util.concurrent.ConcurrentHashMap<>();

    private BaresipPeer(Settings settings, Process process, BaresipControl control, Path logFile, Path recordingDir) {
        this.settings = settings;
        this.process = process;
        this.control = control;
        this.logFile = logFile;
        this.recordingDir = recordingDir;
    }

    /** Writes the config, starts baresip and connects to its ctrl_tcp (bounded: 10 s). */
    public static BaresipPeer start(Settings s) throws IOException {
        return start(s, "<sip:peer" + s.slot() + "@127.0.0.1:" + s.sipPort()
                + ">;regint=0;answermode=auto;audio_codecs=" + String.join(",", s.codecs()));
    }

    /**
     * {@link #start(Settings)} with the given account line instead of the default unregistered
     * auto-answer one, e.g. {@code <sip:bob@127.0.0.1>;auth_pass=pw;outbound="sip:127.0.0.1:5060";regint=60;answermode=auto}
     * to register at a registrar.
     */
    public static BaresipPeer start(Settings s, String accountLine) throws IOException {
        if (s.source().sampleRateHz() != s.sampleRateHz()) {
            // baresip 1.0's aufile refuses a file whose rate is not the codec's ("start_source failed").
            throw new IllegalArgumentException("source must be at " + s.sampleRateHz() + " Hz for " + s.codecs()
                    + ", not " + s.source().sampleRateHz());
        }
        Path out = s.outDir().toAbsolutePath();
        Path holder = SLOTS_IN_USE.putIfAbsent(s.slot(), out);
        if (holder != null) {
            throw new IllegalStateException("baresip slot " + s.slot() + " is in use by a running peer (" + holder
                    + "): IT classes run two at a time, so each class needs slots of its own");
        }
        try {
            return launch(s, accountLine, out);
        } catch (IOException | RuntimeException e) {
            SLOTS_IN_USE.remove(s.slot(), out);
            throw e;
        }
    }

    private static BaresipPeer launch(Settings s, String accountLine, Path out) throws IOException {
        Path cfg = Files.createDirectories(out.resolve("cfg"));
        Path rec = Files.createDirectories(out.resolve("rec"));
        Path source = cfg.resolve("source.wav");
        long lifetimeSec = Math.max(1, s.lifetime().toSeconds());
        s.source().loopTo(lifetimeSec + 10).write(source);
        Files.writeString(cfg.resolve("config"), config(s, source, rec));
        Files.writeString(cfg.resolve("accounts"), accountLine + "\n");

        List<String> cmd = new ArrayList<>();
        if (Processes.onPath("stdbuf")) cmd.addAll(List.of("stdbuf", "-oL", "-eL")); // so the log is current
        cmd.addAll(List.of("baresip", "-f", cfg.toString(), "-t", Long.toString(lifetimeSec)));
        if (s.sipTrace()) cmd.add("-s");
        Path log = out.resolve("baresip.log");
        Process p = Processes.start(cmd, out, log);
        try {
            BaresipControl c = BaresipControl.connect(new InetSocketAddress("127.0.0.1", s.ctrlPort()),
                    Duration.ofSeconds(10), p::isAlive);
            return new BaresipPeer(s, p, c, log, rec);
        } catch (IOException | RuntimeException e) {
            Processes.stop(p, Duration.ofSeconds(1));
            throw new IOException("baresip slot " + s.slot() + " did not come up: " + e.getMessage()
                    + "\n--- " + log + " ---\n" + Processes.tail(log, 3000), e);
        }
    }

    private static String config(Settings s, Path source, Path rec) {
        return String.join("\n",
                "# generated by dev.parley.testkit.BaresipPeer",
                "poll_method epoll",
                "sip_listen 127.0.0.1:" + s.sipPort(),
                "net_interface 127.0.0.1",          // "lo" fails: could not get network address
                "dns_server 127.0.0.1:53",          // never the system resolver
                "rtp_ports " + s.firstRtpPort() + "-" + (s.firstRtpPort() + 19),
                "statmode_default off",             // else a status line every 20 ms
                "audio_source aufile," + source,    // aufile is a source only in 1.0; no player module at all
                "audio_srate " + s.sampleRateHz(),
                "audio_channels 1",
                "module_path /usr/lib/baresip/modules",
                "module g711.so",
                "module g722.so",
                "module opus.so",
                "module l16.so",
                "opus_stereo no",                   // RFC 7587 §6.1: ask for mono, a conference mix is mono
                "opus_sprop_stereo no",
                "opus_inbandfec yes",
                "module aufile.so",
                "module sndfile.so",
                "module srtp.so",                   // SDES SRTP, used only by accounts with ;mediaenc=srtp...
                "module_tmp account.so",
                "module_app menu.so",               // dial, hangup, sndcode, quit are menu commands
                "module_app ctrl_tcp.so",
                "ctrl_tcp_listen 127.0.0.1:" + s.ctrlPort(),
                "snd_path " + rec,
                "");
    }

    public Settings settings() {
        return settings;
    }

    /** Our own SIP URI. */
    public String uri() {
        return "sip:peer" + settings.slot() + "@127.0.0.1:" + settings.sipPort();
    }

    /** Dials {@code uri}; fails if baresip refuses the command. Wait for the outcome with {@link #awaitEvent}. */
    public void dial(String uri) {
        requireOk("dial", uri);
    }

    /** Hangs up the current call. */
    public void hangup() {
        requireOk("hangup", "");
    }

    /** Sends one DTMF digit as RFC 4733 telephone-event (baresip's {@code sndcode}). */
    public void sendDigit(char digit) {
        requireOk("sndcode", String.valueOf(digit));
    }

    /** Any ctrl_tcp command, e.g. {@code ("ausrc", "aufile,/abs/x.wav")}; 5 s limit. */
    public BaresipControl.Response command(String command, String params) {
        return control.command(command, params, COMMAND_TIMEOUT);
    }

    /** See {@link BaresipControl#awaitEvent}. */
    public BaresipControl.Event awaitEvent(String type, Duration timeout) {
        try {
            return control.awaitEvent(type, timeout);
        } catch (AssertionError e) {
            throw withLog(e);
        }
    }

    /** See {@link BaresipControl#awaitAnyEvent}. */
    public BaresipControl.Event awaitAnyEvent(Set<String> types, Duration timeout) {
        try {
            return control.awaitAnyEvent(types, timeout);
        } catch (AssertionError e) {
            throw withLog(e);
        }
    }

    /** Dials and waits for CALL_ESTABLISHED; fails early with the reason if the call closes instead. */
    public BaresipControl.Event dialAndAwaitEstablished(String uri, Duration timeout) {
        dial(uri);
        BaresipControl.Event e = awaitAnyEvent(Set.of("CALL_ESTABLISHED", "CALL_CLOSED"), timeout);
        if (!e.type().equals("CALL_ESTABLISHED")) {
            throw withLog(new AssertionError("slot " + settings.slot() + ": call to " + uri + " closed: " + e.param()));
        }
        return e;
    }

    public List<BaresipControl.Event> events() {
        return control.events();
    }

    public Path logFile() {
        return logFile;
    }

    public String log() {
        return Processes.read(logFile);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The newest {@code -dec.wav} recording (what this peer heard), if there is one. */
    public Optional<Path> heardFile() {
        return newest("-dec.wav");
    }

    /** The newest {@code -enc.wav} recording (what this peer sent), if there is one. */
    public Optional<Path> sentFile() {
        return newest("-enc.wav");
    }

    /** Reads {@link #heardFile()}; fails if baresip recorded nothing. */
    public Wav heard() {
        Path f = heardFile().orElseThrow(() -> withLog(new AssertionError("slot " + settings.slot()
                + ": no -dec.wav recording in " + recordingDir)));
        try {
            return Wav.read(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * SIGKILL at once: the peer vanishes mid-call without a BYE, as a phone does whose network went
     * away. Its recordings may be cut short. {@link #close()} still cleans up.
     */
    public void kill() {
        process.destroyForcibly();
        Processes.waitFor(process, Duration.ofSeconds(5));
    }

    /** Asks baresip to quit (1 s), then SIGTERM and SIGKILL. Safe to call twice. */
    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                control.command("quit", "", Duration.ofSeconds(1));
            } catch (AssertionError ignored) {
                // it may be gone already; we kill it below in any case
            }
            Processes.waitFor(process, Duration.ofSeconds(2));
        }
        control.close();
        Processes.stop(process, Duration.ofSeconds(2));
        SLOTS_IN_USE.remove(settings.slot(), settings.outDir().toAbsolutePath());
    }

    private void requireOk(String command, String params) {
        BaresipControl.Response r;
        try {
            r = control.command(command, params, COMMAND_TIMEOUT);
        } catch (AssertionError e) {
            throw withLog(e);
        }
        if (!r.ok()) {
            throw withLog(new AssertionError("baresip slot " + settings.slot() + " refused '" + command + " " + params
                    + "': " + r.data()));
        }
    }

    private AssertionError withLog(AssertionError e) {
        AssertionError wrapped = new AssertionError(e.getMessage() + "\n--- " + logFile + " (tail) ---\n"
                + Processes.tail(logFile, 4000), e);
        return wrapped;
    }

    private Optional<Path> newest(String suffix) {
        try (Stream<Path> files = Files.list(recordingDir)) {
            // sndfile names files dump-<yyyy-mm-dd-hh-mm-ss>-{enc,dec}.wav, so name order is time order
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).max(Path::compareTo);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "BaresipPeer[slot " + settings.slot() + ", " + uri() + "]";
    }
}
