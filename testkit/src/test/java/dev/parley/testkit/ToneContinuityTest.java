package dev.parley.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ToneContinuityTest {

    private static final int FRAME = 160;

    @Test
    void aCleanToneIsPresentEverywhereWithNothingRepairedOrSilent() {
        ToneContinuity c = ToneContinuity.of(Wav.tone(8000, 1000, 10, -16), 1000, 1, 9);
        assertThat(c.presentFraction()).isEqualTo(1.0);
        assertThat(c.repairedFrames()).isZero();
        assertThat(c.silentFrames()).isZero();
        assertThat(c.referenceDb()).isBetween(-19.5, -18.5); // a sine's RMS is 3 dB under its peak
    }

    @Test
    void lostPacketsLeftSilentAreCountedAsSilenceAndTheLongestGapIsFound() {
        short[] s = Wav.tone(8000, 1000, 10, -16).samples();
        for (int f = 0; f < s.length / FRAME; f += 20) zero(s, f); // 5% of the frames
        zero(s, 301); zero(s, 302); zero(s, 303);                   // and one 80 ms gap
        ToneContinuity c = ToneContinuity.of(new Wav(8000, s), 1000, 0, 10);
        assertThat(c.silentFraction()).isBetween(0.05, 0.06);
        assertThat(c.longestSilenceMs()).isEqualTo(80);
        assertThat(c.presentFraction()).as("the silent frames have no tone").isBetween(0.94, 0.95);
    }

    @Test
    void concealedFramesCountAsRepairedNotSilent() {
        short[] s = Wav.tone(8000, 1000, 10, -16).samples();
        // What a fading concealment gives for one lost packet: the signal at a gain from 1 down to 0.75.
        for (int f = 10; f < s.length / FRAME; f += 10) {
            for (int i = 0; i < FRAME; i++) s[f * FRAME + i] = (short) (s[f * FRAME + i] * (1 - 0.25 * i / FRAME));
        }
        ToneContinuity c = ToneContinuity.of(new Wav(8000, s), 1000, 0, 10);
        assertThat(c.repairedFraction()).isBetween(0.09, 0.11);
        assertThat(c.silentFrames()).isZero();
    }

    private static void zero(short[] s, int frame) {
        java.util.Arrays.fill(s, frame * FRAME, (frame + 1) * FRAME, (short) 0);
    }
}
