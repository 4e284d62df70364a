package dev.parley.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoertzelTest {

    @Test
    void aToneReadsAtItsPeakLevelEvenBetweenBins() {
        Wav t = Wav.tone(8000, 523.25, 2, -18);
        assertThat(Goertzel.levelDb(t, 523.25, 0.5, 1.5)).isBetween(-18.3, -17.7);
        assertThat(Goertzel.levelDb(t, 523.25, 0.3, 0.55)).isBetween(-18.3, -17.7);
    }

    @Test
    void aToneIsNotFoundAtAnotherFrequency() {
        Wav t = Wav.tone(8000, 450, 2, -10);
        assertThat(Goertzel.levelDb(t, 700, 0.5, 1.5)).isLessThan(-90);
        assertThat(Goertzel.levelDb(t, 550, 0.5, 1.0)).isLessThan(-80);
    }

    @Test
    void eachToneOfAMixIsMeasuredOnItsOwn() {
        Wav a = Wav.tone(8000, 450, 2, -12), b = Wav.tone(8000, 1100, 2, -24);
        short[] mix = new short[a.samples().length];
        for (int i = 0; i < mix.length; i++) mix[i] = (short) (a.samples()[i] + b.samples()[i]);
        Wav m = new Wav(8000, mix);

        assertThat(m.levelDb(450, 0.5, 1.5)).isBetween(-12.3, -11.7);
        assertThat(m.levelDb(1100, 0.5, 1.5)).isBetween(-24.3, -23.7);
        assertThat(m.levelDb(700, 0.5, 1.5)).isLessThan(-80);
    }

    @Test
    void silenceAndEmptyWindowsReadVeryLowButFinite() {
        Wav s = Wav.silence(8000, 1);
        assertThat(Goertzel.levelDb(s, 440, 0, 1)).isLessThan(-150).isGreaterThan(Double.NEGATIVE_INFINITY);
        assertThat(Goertzel.levelDb(s, 440, 2, 3)).isLessThan(-150);
    }

    @Test
    void g711RoundTripKeepsTheToneAndAddsLittle() {
        Wav t = Wav.tone(8000, 700, 1, -16);
        for (int pt : new int[] {G711.PT_PCMU, G711.PT_PCMA}) {
            byte[] coded = G711.encode(t.samples(), pt);
            Wav back = new Wav(8000, G711.decode(coded, 0, coded.length, pt));
            assertThat(back.levelDb(700, 0.2, 0.8)).as("PT %d", pt).isBetween(-16.5, -15.5);
            assertThat(back.levelDb(450, 0.2, 0.8)).as("PT %d", pt).isLessThan(-70);
        }
    }

    @Test
    void maxOverSeveralFrequenciesFindsTheLoudest() {
        Wav t = Wav.tone(8000, 659.25, 1, -20);
        assertThat(Goertzel.maxLevelDb(t, new double[] {523.25, 659.25, 783.99}, 0.2, 0.8)).isBetween(-20.3, -19.7);
    }

    @Test
    void blockLevelsReadTrueAcrossAPhaseJumpWhereOneLongWindowReadsLow() {
        // 1 s of 440 Hz, then the same tone restarted half a cycle out of phase, as after a concealed packet.
        Wav first = Wav.tone(8000, 440, 1.0, -20);
        short[] s = first.samples();
        short[] jumped = new short[s.length * 2];
        System.arraycopy(s, 0, jumped, 0, s.length);
        for (int i = 0; i < s.length; i++) jumped[s.length + i] = (short) -s[i];
        Wav w = new Wav(8000, jumped);
        assertThat(Goertzel.levelDb(w, 440, 0.5, 1.5)).isLessThan(-26);
        assertThat(Goertzel.medianLevelDb(w, 440, 0.0, 2.0)).isCloseTo(-20, org.assertj.core.api.Assertions.within(0.5));
        assertThat(Goertzel.peakBlockLevelDb(Wav.silence(8000, 1), 440, 0, 1)).isLessThan(-150);
        assertThat(Goertzel.blockLevelsDb(w, 440, 0, 2.0)).hasSize(8);
    }
}
