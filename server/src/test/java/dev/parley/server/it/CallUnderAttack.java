package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testkit.BaresipPeer;
import dev.parley.testkit.Goertzel;
import dev.parley.testkit.ParleyProcess;
import dev.parley.testkit.TestConfig;
import dev.parley.testkit.Wav;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A call in progress while a test attacks the server: Parley, a baresip talker sending a steady
 * 701 Hz tone and a baresip listener (sending 443 Hz) in room 3000. {@link #assertToneHeardThroughout}
 * ends the call and proves from the listener's own recording that the attack never interrupted it:
 * the recording is as long as the call (baresip records only the packets that arrive, so lost RTP
 * would shorten it) and every second of it holds the talker's tone.
 */
final class CallUnderAttack implements AutoCloseable {
    static final double TALKER_HZ = 701;
    static final double LISTENER_HZ = 443;
    private static final Duration EVENT_LIMIT = Duration.ofSeconds(15);

    private final ParleyProcess server;
    private final BaresipPeer talker;
    private final BaresipPeer listener;
    private final long establishedNanos;

    private CallUnderAttack(ParleyProcess server, BaresipPeer talker, BaresipPeer listener, long establishedNanos) {
        this.server = server;
        this.talker = talker;
        this.listener = listener;
        this.establishedNanos = establishedNanos;
    }

    /** Starts the server with {@code config} (no sounds, not lonely, so the mix is the two tones) and both members. */
    static CallUnderAttack start(TestConfig config, Path dir, int talkerSlot, int listenerSlot) throws IOException {
        return start(config, "", dir, talkerSlot, listenerSlot);
    }

    /** @param sipKeys more keys of {@code sip:} in YAML flow style, e.g. {@code ", rate-limit: 2"} */
    static CallUnderAttack start(TestConfig config, String sipKeys, Path dir, int talkerSlot, int listenerSlot)
            throws IOException {
        Path serverDir = dir.resolve("server");
        Path file = config.withoutSounds().withLonely(false).writeTo(serverDir);
        Files.writeString(file, Files.readString(file).replace("transports: [udp, tcp] }", "transports: [udp, tcp]" + sipKeys + " }"));
        // 2 minutes to start: this machine is shared and loaded; the start is not what is tested.
        ParleyProcess server = ParleyProcess.start(file, serverDir.resolve("parley.log"), Duration.ofSeconds(120));
        BaresipPeer talker = null;
        BaresipPeer listener = null;
        try {
            talker = member(dir, talkerSlot, TALKER_HZ);
            listener = member(dir, listenerSlot, LISTENER_HZ);
            talker.dialAndAwaitEstablished(ItSupport.roomUri(config.sipPort()), EVENT_LIMIT);
            listener.dialAndAwaitEstablished(ItSupport.roomUri(config.sipPort()), EVENT_LIMIT);
            return new CallUnderAttack(server, talker, listener, System.nanoTime());
        } catch (RuntimeException | IOException e) {
            if (talker != null) talker.close();
            if (listener != null) listener.close();
            server.close();
            throw e;
        }
    }

    private static BaresipPeer member(Path dir, int slot, double hz) throws IOException {
        return BaresipPeer.start(BaresipPeer.Settings.slot(slot, dir.resolve("peer" + slot))
                .withSource(Wav.tone(8000, hz, 120, -16)).withLifetime(Duration.ofSeconds(150)));
    }

    ParleyProcess server() {
        return server;
    }

    /**
     * Hangs both members up and checks the listener's recording (see the class comment); and that
     * neither member heard any of {@code absentHz} (audio an attacker tried to put into the room).
     */
    void assertToneHeardThroughout(double... absentHz) throws Exception {
        double callSeconds = (System.nanoTime() - establishedNanos) / 1e9;
        assertThat(server.isAlive()).as("the server survived").isTrue();
        for (BaresipPeer p : new BaresipPeer[] {talker, listener}) {
            assertThat(p.events()).as("%s still in the call", p).noneMatch(e -> e.type().equals("CALL_CLOSED"));
        }
        talker.hangup();
        listener.hangup();
        talker.awaitEvent("CALL_CLOSED", EVENT_LIMIT);
        listener.awaitEvent("CALL_CLOSED", EVENT_LIMIT);
        talker.close();
        listener.close(); // the recording is complete once baresip is gone
        Wav heard = listener.heard();
        assertThat(heard.durationSeconds()).as("the listener's recording covers the %.1f s call", callSeconds)
                .isGreaterThan(callSeconds - 1.5);
        StringBuilder weak = new StringBuilder();
        for (double t = 0.5; t + 1 <= heard.durationSeconds() - 0.3; t += 1) {
            double level = Goertzel.medianLevelDb(heard, TALKER_HZ, t, t + 1);
            if (level < -30) weak.append(String.format(" %.1f-%.1f s: %.1f dBFS;", t, t + 1, level));
        }
        assertThat(weak.toString()).as("seconds of %s without the talker's tone", listener.heardFile().orElseThrow())
                .isEmpty();
        for (BaresipPeer p : new BaresipPeer[] {talker, listener}) {
            Wav w = p.heard();
            for (double hz : absentHz) {
                double level = Goertzel.peakBlockLevelDb(w, hz, 0.5, w.durationSeconds() - 0.3);
                assertThat(level).as("%s heard %.0f Hz in %s", p, hz, p.heardFile().orElseThrow()).isLessThan(-45);
            }
        }
    }

    @Override
    public void close() {
        talker.close();
        listener.close();
        server.close();
    }
}
