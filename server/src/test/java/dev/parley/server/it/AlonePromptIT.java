package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.it.Prompts.Frame;
import dev.parley.server.it.Prompts.Kind;
import dev.parley.testkit.BaresipPeer;
import dev.parley.testkit.ParleyProcess;
import dev.parley.testkit.TestConfig;
import dev.parley.testkit.Wav;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A member alone in a room with the built-in sounds hears the alone prompt (speech) and then the
 * hold music, found by its fundamentals (see {@link Prompts}). The member sends silence.
 *
 * <p>The recording starts when the call is established. The test allows an enter chime before the
 * prompt and a short gap after it, but wants: sound that is not music first (at least half of the
 * prompt's length, starting within 2 s), then music that starts no later than 3 s after the
 * prompt could have ended and stays (80 % of the frames to the end, at least 3 s).
 */
class AlonePromptIT {

    private static final int SIP_PORT = 15065;

    @Test
    void aLoneMemberHearsTheAlonePromptThenMusic() throws Exception {
        Path dir = ItSupport.outDir(getClass(), "alone");
        double aloneSec = Prompts.load("alone").durationSeconds();
        BaresipPeer peer;
        try (ParleyProcess server = ItSupport.startServer(TestConfig.forPort(SIP_PORT).withLonely(true),
                dir.resolve("server"))) {
            peer = BaresipPeer.start(BaresipPeer.Settings.slot(15, dir.resolve("peer15"))
                    .withSource(Wav.silence(8000, 5))
                    .withLifetime(Duration.ofSeconds(40)));
            try (peer) {
                peer.dialAndAwaitEstablished(ItSupport.roomUri(SIP_PORT), Duration.ofSeconds(10));
                ItSupport.letAudioFlow(Duration.ofMillis((long) ((aloneSec + 7) * 1000)));
                peer.hangup();
                peer.awaitEvent("CALL_CLOSED", Duration.ofSeconds(10));
            }
            assertThat(server.isAlive()).as("server still running").isTrue();
        }

        Wav heard = peer.heard();
        List<Frame> frames = Prompts.classify(heard);
        String what = peer.heardFile().orElseThrow() + " frames " + frames;

        int firstSound = indexOf(frames, Kind.SOUND, 0);
        int firstMusic = indexOf(frames, Kind.MUSIC, 0);
        assertThat(firstSound).as("speech heard; " + what).isGreaterThanOrEqualTo(0);
        assertThat(frames.get(firstSound).startSec()).as("speech starts early; " + what).isLessThanOrEqualTo(2.0);
        assertThat(firstMusic).as("music heard; " + what).isGreaterThan(firstSound);

        long soundBeforeMusic = frames.subList(0, firstMusic).stream().filter(f -> f.kind() == Kind.SOUND).count();
        assertThat(soundBeforeMusic * Prompts.HOP_SEC).as("seconds of speech before the music; " + what)
                .isGreaterThanOrEqualTo(aloneSec / 2);
        assertThat(frames.get(firstMusic).startSec()).as("music follows the prompt; " + what)
                .isLessThanOrEqualTo(frames.get(firstSound).startSec() + aloneSec + 3);

        assertThat(frames.size() - 2 - firstMusic).as("frames after the music started; " + what)
                .isGreaterThanOrEqualTo((int) (3 / Prompts.HOP_SEC));
        List<Frame> rest = frames.subList(firstMusic, frames.size() - 2); // the last 0.5 s may hold the hang-up
        long music = rest.stream().filter(f -> f.kind() == Kind.MUSIC).count();
        assertThat((double) music / rest.size()).as("music goes on; " + what).isGreaterThanOrEqualTo(0.8);
        double musicLevel = rest.stream().filter(f -> f.kind() == Kind.MUSIC).mapToDouble(Frame::musicDb).average()
                .orElse(-200);
        assertThat(musicLevel).as("music is audible (dBFS at its notes); " + what).isGreaterThan(-40);
    }

    private static int indexOf(List<Frame> frames, Kind kind, int from) {
        for (int i = from; i < frames.size(); i++) if (frames.get(i).kind() == kind) return i;
        return -1;
    }
}
