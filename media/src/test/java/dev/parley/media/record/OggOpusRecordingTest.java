package dev.parley.media.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testkit.Goertzel;
import dev.parley.testkit.OggOpusFile;
import dev.parley.testkit.Wav;
import io.github.jaredmdobson.concentus.OpusDecoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A room recorder writing Opus in Ogg: the file is read back page by page and decoded. */
class OggOpusRecordingTest {
  @TempDir Path dir;

  static Wav decode(OggOpusFile f, int rateHz) throws Exception {
    OpusDecoder decoder = new OpusDecoder(rateHz, 1);
    return f.decode(rateHz, (p, out) -> decoder.decode(p, 0, p.length, out, 0, out.length, false));
  }

  @ParameterizedTest
  @ValueSource(ints = {8000, 16000, 48000})
  void aRecordedToneDecodesAtItsFrequencyAndLength(int rateHz) throws Exception {
    Path file = dir.resolve("sub/room.opus");
    RoomRecorder r = RoomRecorder.start(file, rateHz, RecordingFormat.OPUS);
    short[] tone = Wav.tone(rateHz, 700, 3, -16).samples();
    // A 10 ms room: the writer makes its own 20 ms Opus frames. 3 s fit in the 8 s ring, so none drop.
    int frame = rateHz / 100;
    for (int at = 0; at + frame <= tone.length; at += frame) {
      r.offer(java.util.Arrays.copyOfRange(tone, at, at + frame), frame);
    }
    r.end();
    RoomRecorder.Result res = r.finished().get(20, TimeUnit.SECONDS);
    assertThat(res.error()).isNull();
    assertThat(res.durationMillis()).isEqualTo(3000);
    assertThat(res.sizeBytes()).isEqualTo(Files.size(file));

    OggOpusFile ogg = OggOpusFile.read(file);
    assertThat(ogg.channels()).isEqualTo(1);
    assertThat(ogg.inputRateHz()).isEqualTo(rateHz);
    assertThat(ogg.endOfStream()).isTrue();
    assertThat(ogg.audioPackets()).hasSize(150);
    assertThat(ogg.durationSeconds()).isCloseTo(3.0, org.assertj.core.data.Offset.offset(0.02));
    Wav heard = decode(ogg, rateHz);
    assertThat(Goertzel.medianLevelDb(heard, 700, 0.3, 2.7)).as("the tone").isGreaterThan(-22);
    assertThat(Goertzel.medianLevelDb(heard, 1300, 0.3, 2.7)).as("nothing else").isLessThan(-50);
  }

  @Test
  void aPausedRecordingSkipsThePausedAudio() throws Exception {
    Path file = dir.resolve("paused.opus");
    RoomRecorder r = RoomRecorder.start(file, 8000, RecordingFormat.OPUS);
    short[] frame = new short[160];
    for (int i = 0; i < 50; i++) r.offer(frame, 160);
    r.pause(true);
    for (int i = 0; i < 50; i++) r.offer(frame, 160);
    r.pause(false);
    for (int i = 0; i < 50; i++) r.offer(frame, 160);
    r.end();
    assertThat(r.finished().get(20, TimeUnit.SECONDS).durationMillis()).isEqualTo(2000);
    assertThat(OggOpusFile.read(file).audioPackets()).hasSize(100);
  }
}
