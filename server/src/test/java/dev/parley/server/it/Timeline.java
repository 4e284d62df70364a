package dev.parley.server.it;

import dev.parley.testkit.BaresipControl;
import dev.parley.testkit.Goertzel;
import dev.parley.testkit.Wav;

/**
 * Places moments of a test (taken with {@link System#nanoTime()}) in a baresip recording, which starts
 * when the call is established; the recording holds every frame because the server sends one every
 * tick, silence included.
 */
record Timeline(long establishedNanos) {

    static Timeline of(BaresipControl.Event established) {
        return new Timeline(established.receivedNanos());
    }

    /** Seconds into the recording of a moment. */
    double at(long nanos) {
        return (nanos - establishedNanos) / 1e9;
    }

    /**
     * Level of a tone in the recording between two moments, each shifted by seconds: the median of
     * 0.25 s blocks ({@link Goertzel#medianLevelDb}), so one concealed packet does not skew it.
     */
    double levelDb(Wav heard, double freqHz, long fromNanos, double fromShiftSec, long toNanos, double toShiftSec) {
        return Goertzel.medianLevelDb(heard, freqHz, at(fromNanos) + fromShiftSec, at(toNanos) + toShiftSec);
    }

    /** The loudest 0.25 s block of a tone between two moments: for checks that it is absent. */
    double peakDb(Wav heard, double freqHz, long fromNanos, double fromShiftSec, long toNanos, double toShiftSec) {
        return Goertzel.peakBlockLevelDb(heard, freqHz, at(fromNanos) + fromShiftSec, at(toNanos) + toShiftSec);
    }
}
