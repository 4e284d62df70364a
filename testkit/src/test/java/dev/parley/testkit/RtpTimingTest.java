package dev.parley.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RtpTimingTest {

    private static List<RtpSink.Packet> stream(int n, double jitterMs, int skipEvery) {
        SplittableRandom r = new SplittableRandom(1);
        List<RtpSink.Packet> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (skipEvery > 0 && i % skipEvery == skipEvery - 1) continue;
            long arrival = (long) ((i * 20 + r.nextDouble() * jitterMs) * 1e6);
            out.add(new RtpSink.Packet(arrival, 0, false, (65000 + i) & 0xffff, 160L * i, 1, new byte[160], null));
        }
        return out;
    }

    @Test
    void aSteadyStreamHasNoJitterAndNoLoss() {
        RtpTiming t = RtpTiming.ofG711(stream(500, 0, 0));
        assertThat(t.meanJitterMs()).isCloseTo(0, within(1e-6));
        assertThat(t.lost()).isZero();
        assertThat(t.maxGapMs()).isCloseTo(20, within(1e-6));
    }

    @Test
    void uniformJitterReadsAboutAThirdOfItsRangeAndMissingSequencesCountAcrossTheWrap() {
        RtpTiming t = RtpTiming.ofG711(stream(2000, 60, 50));
        assertThat(t.meanJitterMs()).as("E|U1 - U2| = 60/3").isBetween(17.0, 23.0);
        assertThat(t.lost()).as("40 skipped, the last one after the last arrival: not known lost").isEqualTo(39);
    }
}
