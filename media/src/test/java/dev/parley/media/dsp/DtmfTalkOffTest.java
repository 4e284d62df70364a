package dev.parley.media.dsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.media.audio.Prompt;
import dev.parley.media.audio.WavFile;
import dev.parley.media.testing.Signals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Talk-off: speech and music must not be taken for keys. The material is espeak-ng speech made by
 * scripts/make-dtmf-testdata.sh and the server's own prompts (speech, chimes, hold music), each
 * played at its recorded level (peaks at -3 dBFS) and 10 dB quieter, clean and with a little noise.
 */
class DtmfTalkOffTest {
  static Stream<Path> recordings() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String dir : List.of("src/test/resources/dtmf", "../server/src/main/resources/prompts")) {
      try (Stream<Path> s = Files.list(Path.of(dir))) {
        s.filter(p -> p.getFileName().toString().endsWith(".wav"))
            .filter(p -> !p.getFileName().toString().equals("keys.wav"))
            .sorted()
            .forEach(files::add);
      }
    }
    assertThat(files).as("talk-off material").hasSizeGreaterThanOrEqualTo(10);
    return files.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recordings")
  void speechAndMusicNeverTriggerADigit(Path file) throws IOException {
    Prompt p = WavFile.load(file, 8000);
    short[] s = new short[p.length()];
    p.copy(0, s, 0, s.length);
    List<String> digits = new ArrayList<>();
    for (double gainDb : new double[] {0, -10}) {
      for (boolean noisy : new boolean[] {false, true}) {
        short[] x = scaled(s, gainDb);
        if (noisy) Signals.addNoise(x, -45, 7);
        DtmfDetector d = new DtmfDetector(8000, (digit, ms) -> digits.add(digit + " (" + ms + " ms)"));
        for (int at = 0; at < x.length; at += 160) d.process(x, at, Math.min(160, x.length - at));
        d.process(new short[800], 0, 800);
      }
    }
    assertThat(digits).as("digits heard in %s", file.getFileName()).isEmpty();
  }

  private static short[] scaled(short[] s, double gainDb) {
    double g = Math.pow(10, gainDb / 20);
    short[] out = new short[s.length];
    for (int i = 0; i < s.length; i++) out[i] = (short) Math.round(s[i] * g);
    return out;
  }
}
