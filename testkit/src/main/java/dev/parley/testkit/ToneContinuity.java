package dev.parley.testkit;

import java.util.Arrays;

/**
 * How continuously a steady tone came through, judged from what a peer heard: the level of the tone
 * in 0.25 s Goertzel blocks, and the level of every 20 ms frame against the median frame (the tone
 * as it sounds when nothing goes wrong).
 *
 * <p>What the frame counts tell apart: a frame replaced by concealment that replays the last packet
 * with a fading gain reads about 1 dB low ({@code repairedFrames}, threshold 0.5 dB); a packet that is
 * neither received nor concealed reads as silence ({@code silentFrames}, more than 20 dB below). A
 * receiver without concealment turns every lost packet into a silent frame; one whose buffer is too
 * shallow for the jitter turns late packets into silence once concealment runs out; one that drops
 * out-of-order packets repairs each of them. A broadband click (a phase jump) does not lower a frame,
 * so these are gaps and repairs, not distortion.
 *
 * @param blocks 0.25 s blocks analysed
 * @param presentBlocks blocks whose tone level is within 6 dB of the median block
 * @param medianBlockDb the median block's tone level, dBFS
 * @param frames 20 ms frames analysed
 * @param referenceDb the median frame's RMS level, dBFS
 * @param repairedFrames frames more than 0.5 dB below the reference
 * @param silentFrames frames more than 20 dB below the reference
 * @param longestSilenceMs the longest run of silent frames
 */
public record ToneContinuity(int blocks, int presentBlocks, double medianBlockDb, int frames, double referenceDb,
                             int repairedFrames, int silentFrames, int longestSilenceMs) {

    static final double FRAME_SEC = 0.020;
    static final double REPAIRED_DB = 0.5;
    static final double SILENT_DB = 20;
    static final double PRESENT_DB = 6;

    /** Analyses {@code freqHz} in {@code heard} between the two times (seconds into the recording). */
    public static ToneContinuity of(Wav heard, double freqHz, double startSec, double endSec) {
        double[] blockDb = Goertzel.blockLevelsDb(heard, freqHz, startSec, endSec);
        double medianBlock = median(blockDb);
        int present = 0;
        for (double b : blockDb) if (b >= medianBlock - PRESENT_DB) present++;

        int rate = heard.sampleRateHz(), frame = (int) Math.round(FRAME_SEC * rate);
        short[] s = heard.samples();
        int from = (int) Math.max(0, Math.min(s.length, Math.round(startSec * rate)));
        int to = (int) Math.max(from, Math.min(s.length, Math.round(endSec * rate)));
        int n = (to - from) / frame;
        double[] frameDb = new double[n];
        for (int i = 0; i < n; i++) frameDb[i] = rmsDb(s, from + i * frame, from + (i + 1) * frame);
        double reference = median(frameDb);
        int repaired = 0, silent = 0, run = 0, longest = 0;
        for (double f : frameDb) {
            if (f < reference - REPAIRED_DB) repaired++;
            if (f < reference - SILENT_DB) {
                silent++;
                longest = Math.max(longest, ++run);
            } else {
                run = 0;
            }
        }
        return new ToneContinuity(blockDb.length, present, medianBlock, n, reference, repaired, silent,
                (int) Math.round(longest * FRAME_SEC * 1000));
    }

    public double presentFraction() {
        return blocks == 0 ? 0 : (double) presentBlocks / blocks;
    }

    public double repairedFraction() {
        return frames == 0 ? 0 : (double) repairedFrames / frames;
    }

    public double silentFraction() {
        return frames == 0 ? 0 : (double) silentFrames / frames;
    }

    @Override
    public String toString() {
        return String.format("tone present in %d/%d blocks (median %.1f dBFS); %d frames at %.1f dBFS: %d repaired (%.1f%%),"
                        + " %d silent (%.1f%%), longest silence %d ms",
                presentBlocks, blocks, medianBlockDb, frames, referenceDb, repairedFrames, 100 * repairedFraction(),
                silentFrames, 100 * silentFraction(), longestSilenceMs);
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
