package dev.parley.testkit;

import java.util.Arrays;

/**
 * How continuously a steady tone came through, judged from what a peer heard, 20 ms frame by 20 ms
 * frame: the tone's Goertzel level in each frame against the median frame (the tone as it sounds when
 * nothing goes wrong), and each frame's RMS level against the median RMS.
 *
 * <p>Short Goertzel windows, not 0.25 s blocks: a jitter buffer that grows or shrinks jumps the tone's
 * phase (it repeats or cuts a few samples), and a window spanning the jump adds the two sides out of
 * phase and reads low although nothing was missing. The tone level of a frame is the better of its
 * two 10 ms halves, since a jump spoils at most one of them: the listener's recording need not be
 * aligned with the server's frames, so jumps fall anywhere in a frame. At 10 ms the Goertzel still
 * tells a lone tone from silence and noise (its main lobe is about 200 Hz wide).
 *
 * <p>What the counts tell apart: a frame replaced by concealment that replays the last packet with a
 * fading gain reads about 1 dB low ({@code repairedFrames}, threshold 0.5 dB); a packet that is
 * neither received nor concealed reads as silence ({@code silentFrames}, more than 20 dB low). A
 * receiver without concealment turns every lost packet into a silent frame; one whose buffer is too
 * shallow for the jitter turns late packets into silence once concealment runs out; one that drops
 * out-of-order packets repairs each of them.
 *
 * @param frames 20 ms frames analysed
 * @param toneFrames frames whose tone level (the better half) is within 6 dB of the median frame's
 * @param medianToneDb the median frame's tone level, dBFS (peak of the sine)
 * @param referenceDb the median frame's RMS level, dBFS
 * @param repairedFrames frames whose RMS is more than 0.5 dB below the reference
 * @param silentFrames frames whose RMS is more than 20 dB below the reference
 * @param longestSilenceMs the longest run of silent frames
 */
public record ToneContinuity(int frames, int toneFrames, double medianToneDb, double referenceDb, int repairedFrames,
                             int silentFrames, int longestSilenceMs) {

    static final double FRAME_SEC = 0.020;
    static final double REPAIRED_DB = 0.5;
    static final double SILENT_DB = 20;
    static final double PRESENT_DB = 6;

    /** Analyses {@code freqHz} in {@code heard} between the two times (seconds into the recording). */
    public static ToneContinuity of(Wav heard, double freqHz, double startSec, double endSec) {
        int rate = heard.sampleRateHz(), frame = (int) Math.round(FRAME_SEC * rate);
        short[] s = heard.samples();
        int from = (int) Math.max(0, Math.min(s.length, Math.round(startSec * rate)));
        int to = (int) Math.max(from, Math.min(s.length, Math.round(endSec * rate)));
        int n = (to - from) / frame;
        double[] toneDb = new double[n], rmsDb = new double[n];
        for (int i = 0; i < n; i++) {
            // The better half of the frame: a phase jump spoils at most one of them (see above).
            int start = from + i * frame, mid = start + frame / 2;
            toneDb[i] = Math.max(Goertzel.levelDb(s, start, mid, rate, freqHz),
                    Goertzel.levelDb(s, mid, start + frame, rate, freqHz));
            rmsDb[i] = rmsDb(s, from + i * frame, from + (i + 1) * frame);
        }
        double medianTone = median(toneDb), reference = median(rmsDb);
        int present = 0, repaired = 0, silent = 0, run = 0, longest = 0;
        for (int i = 0; i < n; i++) {
            if (toneDb[i] >= medianTone - PRESENT_DB) present++;
            if (rmsDb[i] < reference - REPAIRED_DB) repaired++;
            if (rmsDb[i] < reference - SILENT_DB) {
                silent++;
                longest = Math.max(longest, ++run);
            } else {
                run = 0;
            }
        }
        return new ToneContinuity(n, present, medianTone, reference, repaired, silent,
                (int) Math.round(longest * FRAME_SEC * 1000));
    }

    public double presentFraction() {
        return frames == 0 ? 0 : (double) toneFrames / frames;
    }

    public double repairedFraction() {
        return frames == 0 ? 0 : (double) repairedFrames / frames;
    }

    public double silentFraction() {
        return frames == 0 ? 0 : (double) silentFrames / frames;
    }

    @Override
    public String toString() {
        return String.format("%d frames of 20 ms: tone in %d (%.1f%%, median %.1f dBFS); at %.1f dBFS RMS %d repaired (%.1f%%),"
                        + " %d silent (%.1f%%), longest silence %d ms",
                frames, toneFrames, 100 * presentFraction(), medianToneDb, referenceDb, repairedFrames,
                100 * repairedFraction(), silentFrames, 100 * silentFraction(), longestSilenceMs);
    }

    private static double rmsDb(short[] s, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) sum += (double) s[i] * s[i];
        double rms = Math.sqrt(sum / Math.max(1, to - from));
        return 20 * Math.log10(rms / 32767.0 + 1e-10);
    }

    private static double median(double[] values) {
        if (values.length == 0) return -200;
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
