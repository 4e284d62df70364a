package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testkit.BaresipPeer;
import dev.parley.testkit.CallRelay;
import dev.parley.testkit.GilbertElliott;
import dev.parley.testkit.ImpairedLink;
import dev.parley.testkit.Impairment;
import dev.parley.testkit.ParleyProcess;
import dev.parley.testkit.RtpSink;
import dev.parley.testkit.RtpTiming;
import dev.parley.testkit.Sipp;
import dev.parley.testkit.TestConfig;
import dev.parley.testkit.ToneContinuity;
import dev.parley.testkit.Wav;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * One member talks (a baresip sending a steady tone) through a {@link CallRelay} that impairs its
 * RTP both ways; two members listen over a clean path: a baresip, whose recording shows how the
 * impaired member sounds to the others, and a sipp whose media port is an {@link RtpSink} of this
 * test, which shows when the mix reached it.
 *
 * <p>What a broken server would show: a receiver without concealment leaves a silent 20 ms frame
 * for every lost packet (5% and 20% of the frames here); a jitter buffer that does not adapt to
 * 100 ms of jitter plays late packets as silence; one that drops out-of-order packets repairs each
 * of them; a mixer driven by the arrival of the impaired member's packets passes their jitter (an
 * RFC 3550 estimate of about a third of the jitter range) and their gaps on to everyone. The limits
 * below sit between those figures and what the server does (docs/reliability.md).
 *
 * <p>Ports: Parley SIP 15280-15286, relays 19000-19063, sipp SIP 5470-5476 and media 18700-18766,
 * baresip slots 85 (talker) and 86 (listener).
 */
@org.junit.jupiter.api.parallel.Isolated("the ITs run two at a time, but it measures the other members' RTP timing, which a second IT would disturb")
class ImpairedMemberIT {

    private static final double TONE_HZ = 1000;
    // 9 s: 325 frames judged per run after the settling time, enough for the 95 % and jitter figures.
    private static final Duration TALK = Duration.ofSeconds(9);
    private static final Duration EVENT_LIMIT = Duration.ofSeconds(15);
    /** Start-up took over 30 s on the shared 2-core machine at a load of 20. */
    static final Duration READY_LIMIT = Duration.ofSeconds(90);
    /** Judged from this long after the talker joined (the jitter buffer settles) to just before it left. */
    private static final double SETTLE_SEC = 2.0;

    /** What the two listeners got while the impaired member talked. */
    private record Outcome(ToneContinuity heard, RtpTiming mixTiming, double sinkToneDb, ImpairedLink.Stats upstream,
                           ImpairedLink.Stats downstream) {
        @Override
        public String toString() {
            return "heard: " + heard + "\nmix timing at the clean listener: " + mixTiming
                    + String.format("%nclean listener's tone: %.1f dBFS", sinkToneDb)
                    + "\nimpaired upstream: " + upstream + "\nimpaired downstream: " + downstream;
        }
    }

    /** How many of the talker's packets a fraction of them is, over the talk. */
    private static long expected(double fraction) {
        return (long) (fraction * 50 * TALK.toSeconds());
    }

    private Outcome talkThrough(String name, int index, Impairment impairment) throws Exception {
        Path dir = ItSupport.outDir(getClass(), name);
        int sipPort = 15280 + index, relayPort = 19000 + 10 * index, sippPort = 5470 + index;
        int sippMedia = 18700 + 10 * index, sinkPort = sippMedia + 4;
        TestConfig config = TestConfig.forPort(sipPort).withoutSounds().withLonely(false);
        long talkFrom, talkTo;
        Wav heard;
        Timeline timeline;
        RtpTiming timing;
        double sinkTone;
        ImpairedLink.Stats up, down;
        try (ParleyProcess server = ParleyProcess.start(config.writeTo(dir.resolve("server")),
                dir.resolve("server/parley.log"), READY_LIMIT);
             CallRelay relay = CallRelay.open(relayPort, sipPort, impairment, impairment.withSeed(impairment.seed() + 1));
             RtpSink sink = RtpSink.open(sinkPort);
             BaresipPeer listener = BaresipPeer.start(BaresipPeer.Settings.slot(86, dir.resolve("peer86")));
             BaresipPeer talker = ItSupport.toneCaller(dir, 85, TONE_HZ, -16)) {
            timeline = Timeline.of(listener.dialAndAwaitEstablished(ItSupport.roomUri(sipPort), EVENT_LIMIT));
            try (Sipp clean = Sipp.scenario(ItSupport.resource("sipp/uac-listen.xml"), dir.resolve("sipp"))
                    .target(sipPort).service(ItSupport.ROOM).sipPort(sippPort).mediaPort(sippMedia)
                    .key("rtp_port", Integer.toString(sink.port()))
                    .key("hold_ms", Long.toString(TALK.plusSeconds(4).toMillis()))
                    .timeout(TALK.plusSeconds(25)).start()) {
                talker.dialAndAwaitEstablished(relay.uri(ItSupport.ROOM), EVENT_LIMIT);
                talkFrom = System.nanoTime();
                ItSupport.letAudioFlow(TALK);
                talkTo = System.nanoTime();
                up = relay.upstream();
                down = relay.downstream();
                talker.hangup();
                talker.awaitEvent("CALL_CLOSED", EVENT_LIMIT);
                listener.hangup();
                listener.awaitEvent("CALL_CLOSED", EVENT_LIMIT);
                Sipp.Result r = clean.await();
                assertThat(r.succeeded()).as("the clean sipp listener's call; " + r.describe()).isTrue();
            }
            assertThat(server.isAlive()).isTrue();
            heard = listener.heard();
            long from = talkFrom + (long) (SETTLE_SEC * 1e9), to = talkTo - 500_000_000L;
            timing = RtpTiming.ofG711(sink.between(from, to));
            Wav sinkAudio = sink.audioBetween(from, to);
            sinkTone = ToneContinuity.of(sinkAudio, TONE_HZ, 0, sinkAudio.durationSeconds()).medianToneDb();
        }
        ToneContinuity continuity = ToneContinuity.of(heard, TONE_HZ, timeline.at(talkFrom) + SETTLE_SEC,
                timeline.at(talkTo) - 0.5);
        Outcome o = new Outcome(continuity, timing, sinkTone, up, down);
        Files.writeString(dir.resolve("outcome.txt"), impairment + "\n" + o + "\n");
        System.out.println("[" + name + "] " + impairment + "\n" + o);
        // Whatever the impairment: the tone came through at about its level, to both listeners, and
        // the clean listener's mix kept the server's clock, every packet of it.
        assertThat(continuity.medianToneDb()).as(o.toString()).isGreaterThan(-22);
        assertThat(continuity.presentFraction()).as("tone in most 20 ms frames; " + o).isGreaterThanOrEqualTo(0.95);
        assertThat(sinkTone).as("the clean sipp listener hears the tone too; " + o).isGreaterThan(-22);
        assertThat(timing.packets()).as("about 50 packets a second; " + o)
                .isGreaterThan((int) (45 * (TALK.toSeconds() - SETTLE_SEC - 0.5)));
        assertThat(timing.lost()).as("no packet of the mix missing at the clean listener; " + o).isZero();
        // A mixer paced by the impaired member's packets would pass on their jitter: 33 ms (RFC 3550)
        // for 100 ms of it. The load of the shared machine alone has pushed this mean to 4.6 ms.
        assertThat(timing.meanJitterMs()).as("the clean listener's jitter stays far below what the impaired"
                + " member's packets carry; " + o).isLessThan(12.0);
        return o;
    }

    @Test
    void throughACleanRelayNothingIsRepaired() throws Exception {
        Outcome o = talkThrough("clean", 0, Impairment.none());
        assertThat(o.upstream().dropped()).isZero();
        assertThat(o.heard().repairedFraction()).as(o.toString()).isLessThanOrEqualTo(0.02);
        // Nothing to conceal, so no silence either, but for one frame: a stall of the shared machine
        // (CI has shown the clean listener's mix gap at 90 ms once) can cost baresip one 20 ms frame.
        assertThat(o.heard().silentFraction()).as(o.toString()).isLessThanOrEqualTo(0.005);
        assertThat(o.heard().longestSilenceMs()).as(o.toString()).isLessThanOrEqualTo(20);
    }

    @Test
    void fivePercentLossIsConcealed() throws Exception {
        Outcome o = talkThrough("loss-5", 1, Impairment.none().withLoss(0.05).withSeed(501));
        assertThat(o.upstream().lossFraction()).as("the relay lost its share").isBetween(0.03, 0.07);
        // Without concealment about 5% of the frames would be silent.
        assertThat(o.heard().silentFraction()).as(o.toString()).isLessThanOrEqualTo(0.005);
        assertThat(o.heard().longestSilenceMs()).as(o.toString()).isLessThanOrEqualTo(20);
    }

    @Test
    void twentyPercentLossIsConcealed() throws Exception {
        Outcome o = talkThrough("loss-20", 2, Impairment.none().withLoss(0.20).withSeed(2001));
        assertThat(o.upstream().lossFraction()).as("the relay lost its share").isBetween(0.16, 0.24);
        // Without concealment about 20% of the frames would be silent; with it, only runs of 5 losses
        // and more (the fifth concealed frame is silence).
        assertThat(o.heard().silentFraction()).as(o.toString()).isLessThanOrEqualTo(0.02);
        assertThat(o.heard().longestSilenceMs()).as(o.toString()).isLessThanOrEqualTo(100);
    }

    @Test
    void burstsOfLossAreConcealedUpToTheConcealmentLimit() throws Exception {
        // Gilbert: 5% of the packets lost in bursts of 2 on average (a third of them 3 or longer).
        Outcome o = talkThrough("bursts", 3, Impairment.none().withLoss(GilbertElliott.bursts(0.05, 2)).withSeed(303));
        assertThat(o.upstream().lossFraction()).as("the relay lost its share").isBetween(0.025, 0.08);
        assertThat(o.heard().silentFraction()).as(o.toString()).isLessThanOrEqualTo(0.02);
        assertThat(o.heard().longestSilenceMs()).as(o.toString()).isLessThanOrEqualTo(120);
    }

    @Test
    void aHundredMillisecondsOfJitterIsAbsorbedByTheJitterBuffer() throws Exception {
        Outcome o = talkThrough("jitter-100", 4, Impairment.none().withDelay(20, 100).withSeed(100));
        assertThat(o.upstream().reordered()).as("100 ms of jitter on 20 ms packets reorders many").isGreaterThan(100);
        // A buffer that stayed at its 20 ms minimum would play most late packets as silence.
        assertThat(o.heard().silentFraction()).as(o.toString()).isLessThanOrEqualTo(0.01);
        assertThat(o.heard().longestSilenceMs()).as(o.toString()).isLessThanOrEqualTo(60);
    }

    @Test
    void reorderedPacketsArePutBackInPlace() throws Exception {
        // A tenth of the packets held back 30 ms: each arrives after the next one.
        Outcome o = talkThrough("reorder", 5, Impairment.none().withReordering(0.10, 30).withSeed(10));
        assertThat(o.upstream().reordered()).as("the relay reordered (a tenth of 50 a second)").isGreaterThan(expected(0.10) * 6 / 10);
        // Dropping out-of-order packets would repair about 10% of the frames; putting them in place
        // leaves the few repairs of the buffer growing to the 30 ms (2.4% on a loaded machine).
        assertThat(o.heard().repairedFraction()).as(o.toString()).isLessThanOrEqualTo(0.05);
        // Nothing to conceal, so no silence either, but for one frame: a stall of the shared machine
        // (CI has shown the clean listener's mix gap at 90 ms once) can cost baresip one 20 ms frame.
        assertThat(o.heard().silentFraction()).as(o.toString()).isLessThanOrEqualTo(0.005);
        assertThat(o.heard().longestSilenceMs()).as(o.toString()).isLessThanOrEqualTo(20);
    }

    @Test
    void duplicatedPacketsArePlayedOnce() throws Exception {
        Outcome o = talkThrough("duplicates", 6, Impairment.none().withDuplicates(0.20).withSeed(20));
        assertThat(o.upstream().duplicated()).as("the relay duplicated (a fifth of 50 a second)").isGreaterThan(expected(0.20) * 6 / 10);
        // Playing a copy as new audio would push the stream back a frame each time, and the buffer
        // would then have to cut faster than it can (an eighth of a frame per frame): repairs and
        // resyncs at about the duplicate rate. Seen: 0 to 1.4%.
        assertThat(o.heard().repairedFraction()).as(o.toString()).isLessThanOrEqualTo(0.04);
        // Nothing to conceal, so no silence either, but for one frame: a stall of the shared machine
        // (CI has shown the clean listener's mix gap at 90 ms once) can cost baresip one 20 ms frame.
        assertThat(o.heard().silentFraction()).as(o.toString()).isLessThanOrEqualTo(0.005);
        assertThat(o.heard().longestSilenceMs()).as(o.toString()).isLessThanOrEqualTo(20);
    }
}
