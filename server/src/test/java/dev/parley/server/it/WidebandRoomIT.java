package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testkit.BaresipPeer;
import dev.parley.testkit.Goertzel;
import dev.parley.testkit.ParleyProcess;
import dev.parley.testkit.TestConfig;
import dev.parley.testkit.Wav;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A wideband room with three real baresip members on three codecs: G.722, Opus and PCMU. Each sends
 * its own tone and hears the other two and not itself; the G.722 member also sends 5 kHz, above what
 * G.711 can carry, which the Opus member hears and the PCMU member must not, not even as the 3 kHz
 * alias that resampling without a low-pass would leave in its 8 kHz stream.
 *
 * <p>Tones as in {@link ConferenceToneIT} (no harmonics or low-order products of one another). Slots
 * 30-32; SIP ports 15110-15111.
 */
class WidebandRoomIT {

    private static final double G722_HZ = 443, OPUS_HZ = 701, PCMU_HZ = 1109, HIGH_HZ = 5000;
    private static final double ALIAS_HZ = 8000 - HIGH_HZ;
    private static final double TONE_DBFS = -16;
    private static final int TALK_SECONDS = 6;
    private static final Duration EVENT_LIMIT = Duration.ofSeconds(10);

    private record Member(String codec, String baresipCodec, int rateHz, double[] sendsHz) {}

    @ParameterizedTest(name = "room rate {0}")
    @CsvSource({"16000, 15110", "48000, 15111"})
    void narrowbandAndWidebandMembersHearEachOtherAndOnlyWidebandHearsAbove4kHz(int roomRate, int sipPort)
            throws Exception {
        Path dir = ItSupport.outDir(getClass(), "rate" + roomRate);
        List<Member> members = List.of(
                new Member("G722", "G722/16000/1", 16000, new double[] {G722_HZ, HIGH_HZ}),
                new Member("opus", "opus/48000/2", 48000, new double[] {OPUS_HZ}),
                new Member("PCMU", "PCMU/8000/1", 8000, new double[] {PCMU_HZ}));
        List<BaresipPeer> peers = new ArrayList<>();
        try (ParleyProcess server = ItSupport.startServer(
                TestConfig.forPort(sipPort).withoutSounds().withLonely(false).withProfileKey("rate", Integer.toString(roomRate)),
                dir.resolve("server"))) {
            try {
                for (int i = 0; i < members.size(); i++) {
                    Member m = members.get(i);
                    peers.add(BaresipPeer.start(BaresipPeer.Settings.slot(30 + i, dir.resolve(m.codec()))
                            .withCodecs(m.baresipCodec())
                            .withSource(tones(m.rateHz(), m.sendsHz()))
                            .withLifetime(Duration.ofSeconds(40))));
                }
                for (BaresipPeer p : peers) p.dialAndAwaitEstablished(ItSupport.roomUri(sipPort), EVENT_LIMIT);

                ItSupport.letAudioFlow(Duration.ofSeconds(TALK_SECONDS));

                for (BaresipPeer p : peers) {
                    assertThat(p.events()).as("%s still in the call", p).noneMatch(e -> e.type().equals("CALL_CLOSED"));
                }
                for (BaresipPeer p : peers) p.hangup();
                for (BaresipPeer p : peers) p.awaitEvent("CALL_CLOSED", EVENT_LIMIT);
            } finally {
                peers.forEach(BaresipPeer::close);
            }
            assertThat(server.isAlive()).as("server still running").isTrue();
        }

        StringBuilder report = new StringBuilder("room " + roomRate + " Hz:");
        double[][] heard = new double[3][];
        for (int me = 0; me < members.size(); me++) {
            Member m = members.get(me);
            BaresipPeer p = peers.get(me);
            assertThat(p.log()).as("%s negotiated", m.codec())
                    .containsIgnoringCase("Set audio decoder: " + m.codec())
                    .containsIgnoringCase("Set audio encoder: " + m.codec());
            Wav rec = p.heard();
            assertThat(rec.sampleRateHz()).as("%s records at its codec's rate", m.codec()).isEqualTo(m.rateHz());
            assertThat(rec.durationSeconds()).as("%s recording length", m.codec()).isGreaterThan(TALK_SECONDS - 1.0);
            double end = rec.durationSeconds() - 0.5, start = end - 4;
            double[] at = {G722_HZ, OPUS_HZ, PCMU_HZ, HIGH_HZ, ALIAS_HZ};
            heard[me] = new double[at.length];
            report.append(String.format("%n  %s hears", m.codec()));
            for (int k = 0; k < at.length; k++) {
                heard[me][k] = at[k] < rec.sampleRateHz() / 2.0 ? Goertzel.medianLevelDb(rec, at[k], start, end) : -999;
                report.append(String.format(" %.0f Hz %.1f;", at[k], heard[me][k]));
            }
        }
        System.out.println(report);
        String why = report.toString();
        // everyone hears the two others (median of 0.25 s blocks, robust to a concealed packet)...
        assertThat(heard[0][1]).as("G.722 hears Opus; " + why).isGreaterThan(-35);
        assertThat(heard[0][2]).as("G.722 hears PCMU; " + why).isGreaterThan(-35);
        assertThat(heard[1][0]).as("Opus hears G.722; " + why).isGreaterThan(-35);
        assertThat(heard[1][2]).as("Opus hears PCMU; " + why).isGreaterThan(-35);
        assertThat(heard[2][0]).as("PCMU hears G.722; " + why).isGreaterThan(-35);
        assertThat(heard[2][1]).as("PCMU hears Opus; " + why).isGreaterThan(-35);
        // ...and not itself (mix-minus)
        assertThat(heard[0][0]).as("G.722 own tone absent; " + why).isLessThan(-50);
        assertThat(heard[1][1]).as("Opus own tone absent; " + why).isLessThan(-50);
        assertThat(heard[2][2]).as("PCMU own tone absent; " + why).isLessThan(-50);
        // 5 kHz: carried to the wideband member, removed before it reaches the narrowband one
        assertThat(heard[1][3]).as("Opus hears 5 kHz from G.722; " + why).isGreaterThan(-35);
        assertThat(heard[2][4]).as("PCMU gets no 3 kHz alias of 5 kHz; " + why).isLessThan(-50);
    }

    /** Steady tones at {@code rateHz}, each at {@value #TONE_DBFS} dBFS less 3 dB per extra tone. */
    private static Wav tones(int rateHz, double[] hz) {
        double each = TONE_DBFS - 10 * Math.log10(hz.length);
        short[] sum = new short[Wav.tone(rateHz, hz[0], 10, each).samples().length];
        for (double f : hz) {
            short[] t = Wav.tone(rateHz, f, 10, each).samples();
            for (int i = 0; i < sum.length; i++) sum[i] = (short) (sum[i] + t[i]);
        }
        return new Wav(rateHz, sum);
    }
}
