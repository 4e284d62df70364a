package dev.parley.media.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.media.audio.Prompt;
import dev.parley.media.audio.WavFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoomRecorderTest {

    @TempDir Path dir;

    private static short[] frame(int value) {
        short[] f = new short[160];
        java.util.Arrays.fill(f, (short) value);
        return f;
    }

    @Test
    void everyFrameOfferedBeforeTheEndIsInTheFileWithHeaderSizesThatMatch() throws Exception {
        Path file = dir.resolve("sub/dir/room.wav");
        RoomRecorder r = RoomRecorder.start(file, 8000);
        for (int i = 0; i < 50; i++) r.offer(frame(i), 160);
        r.end();
        RoomRecorder.Result result = r.finished().get(5, TimeUnit.SECONDS);

        assertThat(result.durationMillis()).isEqualTo(1000);
        assertThat(result.sizeBytes()).isEqualTo(Files.size(file)).isEqualTo(44 + 50 * 160 * 2);
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getInt(4)).isEqualTo(36 + 50 * 160 * 2);
        assertThat(b.getInt(40)).isEqualTo(50 * 160 * 2);
        Prompt p = WavFile.load(file, 8000);
        assertThat(p.length()).isEqualTo(50 * 160);
        assertThat(p.sample(160 * 49)).isEqualTo((short) 49);
    }

    @Test
    void theHeaderIsKeptCurrentWhileTheRecordingRuns() throws Exception {
        Path file = dir.resolve("live.wav");
        RoomRecorder r = RoomRecorder.start(file, 8000);
        for (int i = 0; i < 25; i++) r.offer(frame(1000), 160);
        // What a kill -9 would leave: the file as it is on disk, read while the writer still runs.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        int dataSize = 0;
        while (dataSize == 0 && System.nanoTime() < deadline) {
            dataSize = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN).getInt(40);
            Thread.onSpinWait();
        }
        assertThat(dataSize).isEqualTo(25 * 160 * 2);
        assertThat(WavFile.load(file, 8000).length()).isEqualTo(25 * 160);
        r.end();
        r.finished().get(5, TimeUnit.SECONDS);
    }

    @Test
    void pausedTimeIsLeftOutOfTheFile() throws Exception {
        RoomRecorder r = RoomRecorder.start(dir.resolve("paused.wav"), 8000);
        r.offer(frame(1), 160);
        r.pause(true);
        r.offer(frame(2), 160);
        r.pause(false);
        r.offer(frame(3), 160);
        r.end();
        RoomRecorder.Result result = r.finished().get(5, TimeUnit.SECONDS);
        Prompt p = WavFile.load(result.file(), 8000);
        assertThat(p.length()).isEqualTo(320);
        assertThat(p.sample(0)).isEqualTo((short) 1);
        assertThat(p.sample(160)).isEqualTo((short) 3);
    }
}
