package dev.parley.testkit;

import java.util.random.RandomGenerator;

/**
 * The Gilbert-Elliott packet loss model: a two-state Markov chain, Good and Bad, moved once per
 * packet. From Good the chain goes Bad with probability {@code p}; from Bad it goes Good with
 * probability {@code r}. A packet is lost with probability {@code lossInGood} in Good and
 * {@code lossInBad} in Bad. Real networks lose packets in runs (a queue overflowing, a radio fading),
 * which a receiver's concealment handles much worse than the same rate of isolated losses.
 *
 * <p>With {@code lossInGood = 0} and {@code lossInBad = 1} (the simple Gilbert model) the mean loss
 * is {@code p / (p + r)} and the mean burst {@code 1 / r} packets. {@link #bernoulli(double)} is the
 * special case of independent losses. Not thread-safe; one per direction of a link.
 */
public final class GilbertElliott {

    private final double p;
    private final double r;
    private final double lossInGood;
    private final double lossInBad;
    private boolean bad;

    public GilbertElliott(double p, double r, double lossInGood, double lossInBad) {
        for (double v : new double[] {p, r, lossInGood, lossInBad}) {
            if (!(v >= 0 && v <= 1)) throw new IllegalArgumentException("probabilities are in [0, 1]: " + v);
        }
        this.p = p;
        this.r = r;
        this.lossInGood = lossInGood;
        this.lossInBad = lossInBad;
    }

    /** Independent losses at {@code rate}: the next state is Bad with probability {@code rate} whatever this one is. */
    public static GilbertElliott bernoulli(double rate) {
        return new GilbertElliott(rate, 1 - rate, 0, 1);
    }

    /** Bursts of mean length {@code meanBurstPackets} making up {@code lossRate} of the packets (simple Gilbert). */
    public static GilbertElliott bursts(double lossRate, double meanBurstPackets) {
        if (meanBurstPackets < 1) throw new IllegalArgumentException("a burst is at least one packet: " + meanBurstPackets);
        double r = 1 / meanBurstPackets;
        double p = lossRate * r / (1 - lossRate);   // from lossRate = p / (p + r)
        return new GilbertElliott(p, r, 0, 1);
    }

    /** The same model, in the Good state: the model has state, and each link needs its own. */
    public GilbertElliott fresh() {
        return new GilbertElliott(p, r, lossInGood, lossInBad);
    }

    /** The long-run fraction of packets lost. */
    public double meanLoss() {
        double inBad = p + r == 0 ? 0 : p / (p + r);
        return inBad * lossInBad + (1 - inBad) * lossInGood;
    }

    /**
     * Moves the chain for one packet and says whether it is lost. Always draws exactly two numbers,
     * so a seeded generator gives the same decisions for the same packet sequence.
     */
    public boolean lose(RandomGenerator random) {
        double move = random.nextDouble(), drop = random.nextDouble();
        bad = bad ? move >= r : move < p;
        return drop < (bad ? lossInBad : lossInGood);
    }

    @Override
    public String toString() {
        return String.format("GilbertElliott[p=%.4f r=%.4f k=%.2f h=%.2f mean loss %.1f%%]", p, r, lossInGood, lossInBad,
                100 * meanLoss());
    }
}
