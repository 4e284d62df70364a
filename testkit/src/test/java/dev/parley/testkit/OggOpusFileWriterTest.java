package dev.parley.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test-side Ogg Opus writer, read back by the reader that checks every page's CRC. */
class OggOpusFileWriterTest {
    @TempDir Path dir;

    @Test
    void writesWhatTheReaderReadsBack() throws Exception {
        // A long packet spans several 255-byte segments; a packet of exactly 255 bytes needs a 0 segment.
        List<byte[]> packets = List.of(new byte[] {1, 2, 3}, new byte[600], new byte[255], new byte[] {9});
        Path file = dir.resolve("t.opus");
        OggOpusFileWriter.write(file, 312, 16000, packets, 960);
        OggOpusFile f = OggOpusFile.read(file);
        assertThat(f.channels()).isEqualTo(1);
        assertThat(f.preSkip()).isEqualTo(312);
        assertThat(f.inputRateHz()).isEqualTo(16000);
        assertThat(f.vendor()).isEqualTo("parley-testkit");
        assertThat(f.audioPackets()).hasSize(4);
        assertThat(f.audioPackets().get(1)).hasSize(600);
        assertThat(f.audioPackets().get(2)).hasSize(255);
        assertThat(f.audioPackets().get(3)).containsExactly(9);
        assertThat(f.pages()).isEqualTo(6);
        assertThat(f.endOfStream()).isTrue();
        assertThat(f.lastGranule()).isEqualTo(4 * 960);
        assertThat(f.durationSeconds()).isEqualTo((4 * 960 - 312) / 48000.0);
    }

    @Test
    void aPacketTooLongForOnePageIsRefused() {
        assertThatThrownBy(() -> OggOpusFileWriter.write(dir.resolve("x.opus"), 0, 48000, List.of(new byte[255 * 255]), 960))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two pages");
        assertThat(Files.exists(dir.resolve("x.opus"))).isFalse();
    }
}
