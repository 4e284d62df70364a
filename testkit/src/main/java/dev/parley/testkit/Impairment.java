package dev.parley.testkit;

/**
 * What one direction of an {@link ImpairedLink} does to the datagrams it carries, in the terms of
 * {@code tc netem}: loss (a {@link GilbertElliott} model; independent losses are its special case),
 * a fixed delay plus a jitter drawn uniformly from {@code [0, jitterMs]} (which by itself reorders
 * packets closer together than the jitter), an explicit reordering (a fraction of the packets held
 * back by {@code reorderHoldMs}, so the next ones overtake them), and duplication. Every decision
 * comes from a generator seeded with {@code seed}, so a run repeats.
 */
public record Impairment(GilbertElliott loss, int delayMs, int jitterMs, double reorderFraction, int reorderHoldMs,
                         double duplicateFraction, long seed) {

    public Impairment {
        if (delayMs < 0 || jitterMs < 0 || reorderHoldMs < 0) throw new IllegalArgumentException("negative time");
        if (!(reorderFraction >= 0 && reorderFraction <= 1) || !(duplicateFraction >= 0 && duplicateFraction <= 1)) {
            throw new IllegalArgumentException("fractions are in [0, 1]");
        }
    }

    /** Passes everything through at once. */
    public static Impairment none() {
        return new Impairment(GilbertElliott.bernoulli(0), 0, 0, 0, 0, 0, 1);
    }

    /** Independent loss of {@code fraction} of the packets. */
    public Impairment withLoss(double fraction) {
        return withLoss(GilbertElliott.bernoulli(fraction));
    }

    public Impairment withLoss(GilbertElliott model) {
        return new Impairment(model, delayMs, jitterMs, reorderFraction, reorderHoldMs, duplicateFraction, seed);
    }

    /** Every packet delayed by {@code delayMs} plus a uniform {@code [0, jitterMs]}. */
    public Impairment withDelay(int delayMs, int jitterMs) {
        return new Impairment(loss, delayMs, jitterMs, reorderFraction, reorderHoldMs, duplicateFraction, seed);
    }

    /** {@code fraction} of the packets held back {@code holdMs} longer than the others. */
    public Impairment withReordering(double fraction, int holdMs) {
        return new Impairment(loss, delayMs, jitterMs, fraction, holdMs, duplicateFraction, seed);
    }

    /** {@code fraction} of the packets sent twice (the copy right behind the original). */
    public Impairment withDuplicates(double fraction) {
        return new Impairment(loss, delayMs, jitterMs, reorderFraction, reorderHoldMs, fraction, seed);
    }

    public Impairment withSeed(long seed) {
        return new Impairment(loss, delayMs, jitterMs, reorderFraction, reorderHoldMs, duplicateFraction, seed);
    }

    @Override
    public String toString() {
        return String.format("Impairment[%s, delay %d ms + jitter 0..%d ms, reorder %.0f%% by %d ms, duplicates %.0f%%, seed %d]",
                loss, delayMs, jitterMs, 100 * reorderFraction, reorderHoldMs, 100 * duplicateFraction, seed);
    }
}
