package dev.parley.server.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.media.audio.Prompt;
import dev.parley.testkit.Goertzel;
import dev.parley.testkit.Wav;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Announcement files: which names may be played, how files load, are cached and re-read. */
class AnnouncementFilesTest {
  @TempDir Path dir;

  @Test
  void onlyPlainFileNamesOfTheDirectoryArePlayable() {
    assertThat(AnnouncementFiles.checkName("welcome.wav")).isEqualTo("welcome.wav");
    assertThat(AnnouncementFiles.checkName("Q3 results (final).wav")).isEqualTo("Q3 results (final).wav");
    assertThat(AnnouncementFiles.checkName("x".repeat(128))).hasSize(128);
    refused("", "is empty");
    refused(null, "is empty");
    refused("../etc/passwd", "names a path");
    refused("/etc/passwd", "names a path");
    refused("sub/welcome.wav", "names a path");
    refused("..\\boot.ini", "names a path");
    refused("..", "not an announcement file");
    refused(".hidden.wav", "starting with '.'");
    refused("bell\u0007.wav", "control character at 5");
    refused("line\nbreak.wav", "control character");
    refused(" padded.wav", "starts or ends with a space");
    refused("x".repeat(129), "longer than 128 characters");
  }

  private static void refused(String name, String message) {
    assertThatThrownBy(() -> AnnouncementFiles.checkName(name)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void aFortyFourPointOneKilohertzStereoFileIsResampledToTheRoomsRateAndKeepsItsTone() throws Exception {
    Wav tone = Wav.tone(44100, 1200, 1.0, -12);
    Files.write(dir.resolve("tone.wav"), stereo(tone));
    Prompt p = new AnnouncementFiles(dir).load("tone.wav", 8000);
    assertThat(p.rateHz()).isEqualTo(8000);
    assertThat(p.length()).isEqualTo(8000);
    short[] s = new short[p.length()];
    p.copy(0, s, 0, s.length);
    Wav at8k = new Wav(8000, s);
    assertThat(Goertzel.levelDb(at8k, 1200, 0.1, 0.9)).isBetween(-13.5, -10.5);
    assertThat(Goertzel.levelDb(at8k, 1000, 0.1, 0.9)).as("nothing but the tone").isLessThan(-40);
  }

  @Test
  void aMissingFileABrokenFileAndALinkOutOfTheDirectoryEachFailPlainly() throws Exception {
    AnnouncementFiles files = new AnnouncementFiles(dir);
    assertThatThrownBy(() -> files.load("missing.wav", 8000)).isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("no file 'missing.wav' in the announcements directory");
    Files.write(dir.resolve("garbage.wav"), "this is not a sound".getBytes());
    assertThatThrownBy(() -> files.load("garbage.wav", 8000)).isInstanceOf(IOException.class)
        .hasMessage("garbage.wav: not a RIFF/WAVE file");
    byte[] whole = Wav.tone(8000, 440, 0.1, -12).toBytes();
    Files.write(dir.resolve("truncated.wav"), java.util.Arrays.copyOf(whole, 30));
    assertThatThrownBy(() -> files.load("truncated.wav", 8000)).hasMessageContaining("truncated.wav: the fmt chunk is truncated");
    Path outside = Files.writeString(dir.resolveSibling(dir.getFileName() + "-secret.txt"), "secret");
    Files.createSymbolicLink(dir.resolve("link.wav"), outside);
    assertThatThrownBy(() -> files.load("link.wav", 8000)).isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("not a regular file");
    assertThatThrownBy(() -> files.load("../" + outside.getFileName(), 8000)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCachedFileIsReadAgainWhenItChanges() throws Exception {
    AnnouncementFiles files = new AnnouncementFiles(dir);
    Path f = Wav.writeTone(dir.resolve("news.wav"), 8000, 440, 0.5, -12);
    Prompt first = files.load("news.wav", 8000);
    assertThat(files.load("news.wav", 8000)).as("unchanged: from the cache").isSameAs(first);
    Wav.writeTone(f, 8000, 440, 1.0, -12);
    Files.setLastModifiedTime(f, FileTime.from(Instant.now().plusSeconds(5)));
    Prompt second = files.load("news.wav", 8000);
    assertThat(second.length()).as("the new file's length").isEqualTo(8000);
    assertThat(files.load("news.wav", 16000).rateHz()).isEqualTo(16000);
    assertThat(files.cachedCount()).isEqualTo(2);
  }

  @Test
  void theListingHoldsEachFilesLengthAndRateAndSaysWhyABadOneCannotPlay() throws Exception {
    Wav.writeTone(dir.resolve("b.wav"), 44100, 1200, 2.0, -12);
    Files.write(dir.resolve("a.wav"), "RIFF....WAVEjunk".getBytes());
    Files.writeString(dir.resolve(".hidden"), "x");
    Files.createDirectory(dir.resolve("sub"));
    var listed = new AnnouncementFiles(dir).list();
    assertThat(listed).extracting(AnnouncementFiles.Listed::name).containsExactly("a.wav", "b.wav");
    assertThat(listed.get(0).problem()).contains("a.wav: no fmt chunk");
    assertThat(listed.get(1).durationSeconds()).isEqualTo(2.0);
    assertThat(listed.get(1).rateHz()).isEqualTo(44100);
    assertThat(listed.get(1).problem()).isNull();
  }

  /** The same samples on both channels, as a 16-bit stereo WAV. */
  private static byte[] stereo(Wav mono) {
    short[] s = mono.samples();
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(44 + s.length * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(36 + s.length * 4).put("WAVE".getBytes());
    b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 2).putInt(mono.sampleRateHz())
        .putInt(mono.sampleRateHz() * 4).putShort((short) 4).putShort((short) 16);
    b.put("data".getBytes()).putInt(s.length * 4);
    for (short v : s) b.putShort(v).putShort(v);
    return b.array();
  }
}
