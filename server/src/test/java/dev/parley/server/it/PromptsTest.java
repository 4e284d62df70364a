package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.it.Prompts.Frame;
import dev.parley.server.it.Prompts.Kind;
import dev.parley.testkit.G711;
import dev.parley.testkit.Wav;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The committed prompts are what the server and the integration tests expect: 8 kHz mono PCM16,
 * small, music that {@link Prompts#classify} recognises and speech that it does not take for music,
 * also after a G.711 round trip. Needs no server.
 */
class PromptsTest {

    private static final List<String> ALL =
            List.of("enter", "exit", "alone", "music", "muted", "unmuted", "kicked", "pin", "bad-pin");

    @Test
    void everyPromptIsEightKilohertzMonoAndTheSetIsSmall() throws IOException {
        long total = 0;
        for (String name : ALL) {
            Wav w = Prompts.load(name); // fails unless PCM16 mono
            assertThat(w.sampleRateHz()).as(name).isEqualTo(8000);
            assertThat(w.durationSeconds()).as(name).isBetween(0.3, 8.0);
            total += Prompts.bytes(name).length;
        }
        assertThat(total).as("bytes of all prompts").isLessThan(400_000);
    }

    @Test
    void musicIsMusicThroughoutAndLoopsWithoutAClick() throws IOException {
        Wav music = Prompts.load("music");
        List<Frame> frames = Prompts.classify(pcmu(music.concat(music))); // across the loop seam too

        assertThat(music.durationSeconds()).isEqualTo(8.0);
        assertThat(frames).allMatch(f -> f.kind() == Kind.MUSIC, "every frame is music");
        short[] s = music.samples();
        assertThat(Math.abs(s[0])).isLessThan(200);
        assertThat(Math.abs(s[s.length - 1])).isLessThan(200);
        double peak = 0;
        for (short x : s) peak = Math.max(peak, Math.abs(x));
        assertThat(20 * Math.log10(peak / 32767)).as("peak dBFS").isBetween(-18.5, -17.5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"alone", "muted", "unmuted", "kicked", "pin", "bad-pin", "enter", "exit"})
    void speechAndChimesAreNeverTakenForMusic(String name) throws IOException {
        List<Frame> frames = Prompts.classify(pcmu(Prompts.load(name).padTo(0.5)));

        assertThat(frames).noneMatch(f -> f.kind() == Kind.MUSIC);
        assertThat(frames).anyMatch(f -> f.kind() == Kind.SOUND);
    }

    @Test
    void enterRisesAndExitFalls() throws IOException {
        Wav enter = Prompts.load("enter"), exit = Prompts.load("exit");
        assertThat(enter.levelDb(587.33, 0, 0.2)).isGreaterThan(enter.levelDb(880, 0, 0.2) + 20);
        assertThat(enter.levelDb(880, 0.2, 0.45)).isGreaterThan(enter.levelDb(587.33, 0.2, 0.45) + 20);
        assertThat(exit.levelDb(880, 0, 0.2)).isGreaterThan(exit.levelDb(587.33, 0, 0.2) + 20);
    }

    private static Wav pcmu(Wav w) {
        byte[] coded = G711.encode(w.samples(), G711.PT_PCMU);
        return new Wav(w.sampleRateHz(), G711.decode(coded, 0, coded.length, G711.PT_PCMU));
    }
}
