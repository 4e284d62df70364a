package dev.parley.testkit;

/**
 * Level of one frequency in a window of samples, by the Goertzel algorithm over a Hann window.
 *
 * <p>The result is in dBFS as the peak amplitude of a sine: a full-scale sine (peak 32767) at the
 * frequency reads 0 dBFS, a sine at peak -20 dBFS reads -20, whatever the window length and even
 * when the frequency falls between DFT bins. The Hann window keeps a tone 100 Hz away more than
 * 80 dB down on windows of 0.25 s or longer, so several tones in one recording can be told apart.
 * Silence reads about -200 dBFS, never {@code -Infinity}.
 */
public final class Goertzel {

    private static final double FULL_SCALE = 32767.0;

    private Goertzel() {}

    /** Level of {@code freqHz} in {@code samples[from, to)} sampled at {@code rateHz}. */
    public static double levelDb(short[] samples, int from, int to, int rateHz, double freqHz) {
        if (from < 0 || to > samples.length || from > to) {
            throw new IndexOutOfBoundsException("[" + from + ", " + to + ") of " + samples.length);
        }
        int n = to - from;
        if (n < 2) return -200;
        double omega = 2 * Math.PI * freqHz / rateHz;
        double coeff = 2 * Math.cos(omega);
        double s1 = 0, s2 = 0, windowSum = 0;
        for (int i = 0; i < n; i++) {
            double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (n - 1));
            windowSum += w;
            double s = w * samples[from + i] + coeff * s1 - s2;
            s2 = s1;
            s1 = s;
        }
        double magnitude = Math.sqrt(Math.max(0, s1 * s1 + s2 * s2 - coeff * s1 * s2));
        double amplitude = 2 * magnitude / windowSum;   // a sine of amplitude A has |X| = A * sum(w) / 2
        return 20 * Math.log10(amplitude / FULL_SCALE + 1e-10);
    }

    /** Level of {@code freqHz} between {@code startSec} and {@code endSec} (clamped to the audio). */
    public static double levelDb(short[] samples, int rateHz, double freqHz, double startSec, double endSec) {
        int from = clamp(startSec, rateHz, samples.length), to = clamp(endSec, rateHz, samples.length);
        return levelDb(samples, from, Math.max(from, to), rateHz, freqHz);
    }

    /** Level of {@code freqHz} in a recording between {@code startSec} and {@code endSec}. */
    public static double levelDb(Wav wav, double freqHz, double startSec, double endSec) {
        return levelDb(wav.samples(), wav.sampleRateHz(), freqHz, startSec, endSec);
    }

    /** The loudest of several frequencies, for material (a melody) that moves between them. */
    public static double maxLevelDb(Wav wav, double[] freqsHz, double startSec, double endSec) {
        double max = -200;
        for (double f : freqsHz) max = Math.max(max, levelDb(wav, f, startSec, endSec));
        return max;
    }

    /** Block length of {@link #blockLevelsDb}: 0.25 s keeps tones 100 Hz apart 80 dB apart. */
    public static final double BLOCK_SEC = 0.25;

    /**
     * Levels of {@code freqHz} in consecutive 0.25 s blocks between the two times. A recording that went
     * through a jitter buffer may jump in phase where a packet was concealed or a gap closed; one long
     * Goertzel window would then add the two sides partly out of phase and read low, a block reads true.
     */
    public static double[] blockLevelsDb(Wav wav, double freqHz, double startSec, double endSec) {
        int rate = wav.sampleRateHz(), block = (int) Math.round(BLOCK_SEC * rate);
        int from = clamp(startSec, rate, wav.samples().length), to = clamp(endSec, rate, wav.samples().length);
        int n = Math.max(0, (to - from) / block);
        double[] levels = new double[n];
        for (int i = 0; i < n; i++) levels[i] = levelDb(wav.samples(), from + i * block, from + (i + 1) * block, rate, freqHz);
        return levels;
    }

    /** The median block level: what the stretch sounds like, not swayed by one concealed packet. */
    public static double medianLevelDb(Wav wav, double freqHz, double startSec, double endSec) {
        double[] l = blockLevelsDb(wav, freqHz, startSec, endSec);
        if (l.length == 0) return -200;
        java.util.Arrays.sort(l);
        return l.length % 2 == 1 ? l[l.length / 2] : (l[l.length / 2 - 1] + l[l.length / 2]) / 2;
    }

    /** The loudest block: for "absent" checks, where even a short leak must count. */
    public static double peakBlockLevelDb(Wav wav, double freqHz, double startSec, double endSec) {
        double max = -200;
        for (double l : blockLevelsDb(wav, freqHz, startSec, endSec)) max = Math.max(max, l);
        return max;
    }

    private static int clamp(double seconds, int rateHz, int length) {
        return (int) Math.max(0, Math.min(length, Math.round(seconds * rateHz)));
    }
}
