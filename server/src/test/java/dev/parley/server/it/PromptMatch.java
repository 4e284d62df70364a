package dev.parley.server.it;

import dev.parley.testkit.Wav;

/** Finds a known prompt in what a peer was sent: a sliding normalised correlation. */
final class PromptMatch {
    private PromptMatch() {}

    /**
     * The best normalised correlation (-1..1) of the first {@code seconds} of {@code prompt} with any
     * stretch of {@code heard} (both at the same rate). G.711 keeps it above 0.95 for the same sound;
     * different speech stays below 0.3. 0 when {@code heard} is shorter than the stretch.
     */
    static double bestCorrelation(Wav heard, Wav prompt, double seconds) {
        if (heard.sampleRateHz() != prompt.sampleRateHz()) throw new IllegalArgumentException("rates differ");
        short[] h = heard.samples(), p = prompt.samples();
        int n = Math.min(p.length, (int) (seconds * prompt.sampleRateHz()));
        if (h.length < n || n == 0) return 0;
        double pe = 0;
        for (int i = 0; i < n; i++) pe += (double) p[i] * p[i];
        double he = 0;
        for (int i = 0; i < n; i++) he += (double) h[i] * h[i];
        double best = 0;
        for (int lag = 0; lag + n <= h.length; lag++) {
            if (lag > 0) {
                he += (double) h[lag + n - 1] * h[lag + n - 1] - (double) h[lag - 1] * h[lag - 1];
            }
            if (he <= 0 || pe <= 0) continue;
            double dot = 0;
            for (int i = 0; i < n; i++) dot += (double) h[lag + i] * p[i];
            best = Math.max(best, dot / Math.sqrt(he * pe));
        }
        return best;
    }
}
