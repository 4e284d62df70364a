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

    /**
     * {@code w} through a notch at {@code hz} (a biquad, Q 4): takes a caller's steady tone out of a
     * recording so that a prompt mixed with it correlates as the prompt alone. Apply it to both sides.
     */
    static Wav withoutTone(Wav w, double hz) {
        double w0 = 2 * Math.PI * hz / w.sampleRateHz(), alpha = Math.sin(w0) / (2 * 4.0), cos = Math.cos(w0);
        double a0 = 1 + alpha, b1 = -2 * cos / a0, b0 = 1 / a0, a1 = -2 * cos / a0, a2 = (1 - alpha) / a0;
        short[] in = w.samples(), out = new short[in.length];
        double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
        for (int i = 0; i < in.length; i++) {
            double y = b0 * in[i] + b1 * x1 + b0 * x2 - a1 * y1 - a2 * y2;
            x2 = x1;
            x1 = in[i];
            y2 = y1;
            y1 = y;
            out[i] = (short) Math.max(-32768, Math.min(32767, Math.round(y)));
        }
        return new Wav(w.sampleRateHz(), out);
    }
}
