package dev.parley.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GilbertElliottTest {

    private record Losses(double rate, double meanBurst) {}

    private static Losses run(GilbertElliott model, long seed, int packets) {
        SplittableRandom random = new SplittableRandom(seed);
        int lost = 0, bursts = 0;
        boolean previous = false;
        for (int i = 0; i < packets; i++) {
            boolean l = model.lose(random);
            if (l) lost++;
            if (l && !previous) bursts++;
            previous = l;
        }
        return new Losses((double) lost / packets, bursts == 0 ? 0 : (double) lost / bursts);
    }

    @Test
    void independentLossesComeAtTheirRateInBurstsOfAboutOnePacket() {
        Losses l = run(GilbertElliott.bernoulli(0.2), 7, 200_000);
        assertThat(l.rate()).isCloseTo(0.2, within(0.005));
        assertThat(l.meanBurst()).as("1 / (1 - 0.2)").isCloseTo(1.25, within(0.03));
    }

    @Test
    void burstsHaveTheirMeanLengthAndTheOverallRate() {
        GilbertElliott model = GilbertElliott.bursts(0.05, 3);
        assertThat(model.meanLoss()).isCloseTo(0.05, within(1e-9));
        Losses l = run(model, 11, 400_000);
        assertThat(l.rate()).isCloseTo(0.05, within(0.004));
        assertThat(l.meanBurst()).isCloseTo(3, within(0.15));
    }

    @Test
    void theSameSeedGivesTheSameLosses() {
        SplittableRandom a = new SplittableRandom(42), b = new SplittableRandom(42);
        GilbertElliott m1 = GilbertElliott.bursts(0.2, 2), m2 = m1.fresh();
        for (int i = 0; i < 10_000; i++) assertThat(m1.lose(a)).isEqualTo(m2.lose(b));
    }
}
