package dev.parley.server.it;

import dev.parley.testkit.Goertzel;
import dev.parley.testkit.Wav;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What the tests know about the built-in prompts (made by {@code scripts/make-prompts.sh}, which
 * documents them), and how they tell hold music from speech in a recording.
 */
final class Prompts {

    /** The three fundamentals of music.wav: C5, E5, G5. Keep in step with make-prompts.sh. */
    static final double[] MUSIC_HZ = {523.25, 659.25, 783.99};

    /** Frame length and hop of {@link #classify}. */
    static final double FRAME_SEC = 0.5, HOP_SEC = 0.25;

    /** Below this RMS a frame is quiet. Speech prompts are at about -20 dBFS RMS, music at -23. */
    static final double QUIET_BELOW_DB = -45;

    /**
     * A frame is music when most of its energy sits on a music fundamental: the loudest of them,
     * as a sine level, is within 8 dB of the frame's RMS. Measured through G.711: music frames
     * read -2.2 to +3.2 dB, frames of every speech prompt -10.7 dB or lower (alone.wav: -14.8).
     */
    static final double MUSIC_WITHIN_DB = 8;

    enum Kind { QUIET, MUSIC, SOUND }

    /** One analysis frame starting at {@code startSec}. */
    record Frame(double startSec, Kind kind, double rmsDb, double musicDb) {
        @Override
        public String toString() {
            return String.format("%.2f:%s(rms %.0f, music %+.0f)", startSec, kind, rmsDb, musicDb - rmsDb);
        }
    }

    private Prompts() {}

    /** A built-in prompt as the server ships it (classpath {@code /prompts/<name>.wav}), e.g. {@code alone}. */
    static Wav load(String name) throws IOException {
        return Wav.parse(bytes(name));
    }

    /** "This conference ends in" and then {@code parts} (e.g. {@code numbers/6}, {@code numbers/seconds}), as the server composes it. */
    static Wav endingWarning(String... parts) throws IOException {
        Wav w = load("ends-in");
        for (String p : parts) w = w.concat(load(p));
        return w;
    }

    /** The bytes of a built-in prompt's WAV file. */
    static byte[] bytes(String name) throws IOException {
        try (InputStream in = Prompts.class.getResourceAsStream("/prompts/" + name + ".wav")) {
            if (in == null) throw new IOException("no prompt /prompts/" + name + ".wav on the classpath");
            return in.readAllBytes();
        }
    }

    /** Classifies overlapping frames of a recording as quiet, music, or other sound (speech, chimes). */
    static List<Frame> classify(Wav w) {
        List<Frame> frames = new ArrayList<>();
        for (double t = 0; t + FRAME_SEC <= w.durationSeconds() + 1e-9; t += HOP_SEC) {
            double rms = w.rmsDb(t, t + FRAME_SEC);
            double music = Goertzel.maxLevelDb(w, MUSIC_HZ, t, t + FRAME_SEC);
            Kind k = rms < QUIET_BELOW_DB ? Kind.QUIET : music >= rms - MUSIC_WITHIN_DB ? Kind.MUSIC : Kind.SOUND;
            frames.add(new Frame(t, k, rms, music));
        }
        return frames;
    }
}
