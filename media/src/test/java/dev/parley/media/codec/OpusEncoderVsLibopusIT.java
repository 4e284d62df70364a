package dev.parley.media.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testkit.Goertzel;
import dev.parley.testkit.OggOpusFile;
import dev.parley.testkit.OggOpusFileWriter;
import dev.parley.testkit.Wav;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Our Opus encoder (Concentus through {@link OpusStreamEncoder}, with the settings a call gets from its
 * fmtp) against libopus's decoder: the packets, written as Ogg Opus by the testkit's own writer, are
 * valid to {@code opusinfo}, decode in {@code opusdec} to the tone that went in, and decode in libopus
 * the same as in our decoder (so a peer running libopus hears what our tests hear).
 */
class OpusEncoderVsLibopusIT {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0} Hz, {1} Hz tone, fmtp \"{2}\"")
  @CsvSource(delimiter = '|', value = {
      "8000  | 1000 | ",
      "16000 | 1000 | useinbandfec=1",
      "16000 | 5000 | cbr=1",
      "48000 | 1000 | ",
      "48000 | 9000 | maxaveragebitrate=64000"})
  void libopusDecodesOurPacketsToTheTone(int rateHz, int toneHz, String fmtp) throws Exception {
    int frame = rateHz / 50;
    OpusStreamEncoder encoder = (OpusStreamEncoder) OpusCodec.INSTANCE.newEncoder(rateHz, frame, fmtp);
    short[] in = Wav.tone(rateHz, toneHz, 2, -12).samples();
    List<byte[]> packets = new ArrayList<>();
    byte[] buf = new byte[1500];
    for (int at = 0; at + frame <= in.length; at += frame) {
      packets.add(Arrays.copyOf(buf, encoder.encode(in, at, frame, buf, 0)));
    }
    Path opus = dir.resolve("ours.opus");
    OggOpusFileWriter.write(opus, encoder.lookahead48k(), rateHz, packets, 960);

    // Playable: what was decoded less the pre-skip; the input's last look-ahead stays in the encoder.
    double playable = (packets.size() * 960.0 - encoder.lookahead48k()) / 48000;
    String info = Libopus.info(opus);
    assertThat(info).as("opusinfo").contains("Channels: 1", "Original sample rate: " + rateHz + " Hz")
        .doesNotContainIgnoringCase("warning").doesNotContainIgnoringCase("error");
    java.util.regex.Matcher length = java.util.regex.Pattern.compile("Playback length: (\\d+)m:([0-9.]+)s").matcher(info);
    assertThat(length.find()).as("opusinfo reports a length: %s", info).isTrue();
    assertThat(Integer.parseInt(length.group(1)) * 60 + Double.parseDouble(length.group(2)))
        .as("opusinfo's playback length").isCloseTo(playable, org.assertj.core.data.Offset.offset(0.001));

    Libopus.Decoded ref = Libopus.decode(opus, 48000, 0);
    Wav heard = new Wav(48000, toShorts(ref.pcm()));
    assertThat(heard.durationSeconds()).isCloseTo(playable, org.assertj.core.data.Offset.offset(0.0001));
    assertThat(Goertzel.medianLevelDb(heard, toneHz, 0.3, 1.7)).as("the tone in opusdec's output").isGreaterThan(-20);
    assertThat(Goertzel.medianLevelDb(heard, toneHz * 1.37, 0.3, 1.7)).as("nothing else").isLessThan(-45);

    OurDecode ours = OurDecode.of(OggOpusFile.read(opus), 48000, Sabotage.NONE);
    assertThat(ours.finalRanges()).as("final ranges, ours and libopus's").containsExactly(ref.finalRanges());
    ReferenceComparison c = ReferenceComparison.of(ref.pcm(), ours.pcm(), 48000);
    System.out.println("opus reference, our encoder at " + rateHz + " Hz " + fmtp + " " + ref.modes() + ": " + c);
    assertThat(c.worstFrameDb()).as("%s", c).isGreaterThan(OpusDecoderVsLibopusIT.MIN_FRAME_SNR_DB);
  }

  static short[] toShorts(double[] pcm) {
    short[] s = new short[pcm.length];
    for (int i = 0; i < s.length; i++) s[i] = (short) Math.max(-32768, Math.min(32767, Math.round(pcm[i])));
    return s;
  }
}
