package dev.parley.media.audio;

import dev.parley.testkit.fuzz.Fuzzer;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Mutated WAV files through {@link WavFile#decode} as the server loads announcement files a user
 * dropped into a directory: the only failure allowed is an {@link IOException} that names the file;
 * a file that decodes has as many samples as its data chunk can hold at the room's rate. The corpus
 * ({@code WavFileFuzzTestInputs/}) holds files sox writes (mono, stereo, extensible, a LIST chunk)
 * and hand-made edge cases (an odd-sized chunk, a header alone, a streamed size of 0xFFFFFFFF).
 */
class WavFileFuzzTest {
  @Test
  void anyFileIsRefusedWithAMessageOrDecodedWithinItsLength() {
    Fuzzer.forCorpusOf(WavFileFuzzTest.class).rounds(6_000).run(this::load);
  }

  private void load(byte[] input) {
    for (int rate : new int[] {8000, 48000}) {
      Prompt p;
      try {
        p = WavFile.decode("fuzz.wav", input, rate);
      } catch (IOException e) {
        if (e.getMessage() == null || !e.getMessage().startsWith("fuzz.wav: ")) {
          throw new AssertionError("the message does not name the file: " + e.getMessage());
        }
        continue;
      }
      // At least 2 bytes a sample at 4000 Hz or more: never more than bytes/2 * rate/4000 samples.
      long most = (long) input.length / 2 * rate / WavFile.MIN_RATE_HZ + 1;
      if (p.length() > most) throw new AssertionError(p.length() + " samples from " + input.length + " bytes");
    }
  }
}
