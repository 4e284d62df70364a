package dev.parley.media.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testkit.OggOpusFile;
import dev.parley.testkit.Wav;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our Opus decoder (Concentus through {@link OpusStreamDecoder}) against libopus's, on streams libopus's
 * encoder made: tones, sweeps and espeak-ng speech at 8, 16 and 48 kHz input, SILK, hybrid and CELT
 * modes, 10/20/60 ms frames, VBR and hard CBR, with and without in-band FEC. The RFC 6716 §6 vectors
 * are not reachable offline; what they check is agreement with this very decoder, so it is checked here:
 * the range coder's final state of every packet equals libopus's (the bits were read the same way),
 * and the PCM matches frame by frame within {@link #MIN_FRAME_SNR_DB}.
 *
 * <p>Only at 48 kHz: opusdec always decodes at 48 kHz and resamples to another {@code --rate} with the
 * Speex resampler, so it is no reference for Concentus decoding natively at 8 or 16 kHz.
 */
class OpusDecoderVsLibopusIT {
  /**
   * Concentus is a port of fixed-point libopus 1.1; Debian's libopus 1.3.1 is the float build. Measured:
   * the range coder ends every packet in the same state in all streams (entropy decoding is bit-exact);
   * SILK-only and narrowband hybrid speech is PCM-identical to 1 LSB in every frame; CELT and wideband
   * hybrid frames differ in the last bits (float against fixed MDCT): worst frames 40 dB (10 ms CELT),
   * 46 dB (hybrid), 64 dB and up (20 ms CELT). A decoder that forgets its state between packets,
   * conceals a packet it had, or decodes narrowband only has worst frames at 0 dB or below.
   */
  static final double MIN_FRAME_SNR_DB = 30;
  static final int RATE = 48000;

  @TempDir Path dir;

  /** Name, input, opusenc options, the modes opusdec reports, whether the PCM is bit-exact (to 1 LSB). */
  static Stream<Arguments> streams() {
    return Stream.of(
        Arguments.of("1 kHz tone, 48 kHz in, 12 kbit/s", tone48k(), List.of("--bitrate", "12", "--framesize", "20"),
            Set.of("MDCT"), false),
        Arguments.of("sweep, 48 kHz in, 64 kbit/s", sweep(48000), List.of("--bitrate", "64", "--framesize", "20"),
            Set.of("MDCT"), false),
        Arguments.of("sweep, 16 kHz in, 24 kbit/s", sweep(16000), List.of("--bitrate", "24", "--framesize", "20"),
            Set.of("MDCT"), false),
        Arguments.of("sweep, 48 kHz in, 32 kbit/s, 10 ms", sweep(48000), List.of("--bitrate", "32", "--framesize", "10"),
            Set.of("MDCT"), false),
        Arguments.of("sweep as speech, 48 kHz in, 32 kbit/s", sweep(48000), List.of("--bitrate", "32", "--speech"),
            Set.of("HYB"), false),
        Arguments.of("speech, 8 kHz in, 24 kbit/s hard CBR", speech(), List.of("--bitrate", "24", "--hard-cbr", "--speech"),
            Set.of("HYB", "LP"), true),
        Arguments.of("speech, 16 kbit/s, 60 ms", speech(), List.of("--bitrate", "16", "--framesize", "60"),
            Set.of("HYB", "LP"), true),
        // OPUS_SET_INBAND_FEC (4012): opusenc's --expect-loss alone makes no FEC data.
        Arguments.of("speech, 24 kbit/s, FEC for 20 % loss", speech(),
            List.of("--bitrate", "24", "--expect-loss", "20", "--set-ctl-int", "4012=1"), Set.of("LP"), true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("streams")
  void decodesLikeLibopus(String name, Wav input, List<String> options, Set<String> modes, boolean bitExact)
      throws Exception {
    Path opus = Libopus.encode(written(input, dir.resolve("in.wav")), dir.resolve("ref.opus"), options);
    Libopus.Decoded ref = Libopus.decode(opus, RATE, 0);
    OggOpusFile ogg = OggOpusFile.read(opus);

    OurDecode ours = OurDecode.of(ogg, RATE, Sabotage.NONE);
    assertThat(ours.finalRanges()).as("%s: final range of each packet", name).containsExactly(ref.finalRanges());
    ReferenceComparison c = ReferenceComparison.of(ref.pcm(), ours.pcm(), RATE);
    System.out.println("opus reference, " + name + " " + ref.modes() + ": " + c);
    assertThat(ours.pcm().length).as("%s: length after pre-skip", name).isEqualTo(ref.pcm().length);
    assertThat(c.frames()).as("%s: frames compared", name).isGreaterThan(input.durationSeconds() > 3 ? 50 : 40);
    assertThat(c.worstFrameDb()).as("%s: %s", name, c).isGreaterThan(MIN_FRAME_SNR_DB);
    assertThat(ref.modes()).as("%s: modes", name).isEqualTo(modes);
    if (bitExact) assertThat(c.identical()).as("%s: frames identical to libopus's: %s", name, c).isEqualTo(c.frames());
  }

  /**
   * The bound is not lenient: decoders broken in the ways that matter fail it on the same streams, in
   * CELT (the 64 kbit/s sweep), hybrid (the sweep as speech) and SILK (the speech). Narrowband only is
   * not tried on the speech: its input is 8 kHz, so there is no band to lose.
   */
  @ParameterizedTest(name = "{0} on stream {1}")
  @MethodSource("sabotages")
  @SuppressWarnings("unchecked")
  void aBrokenDecoderFailsTheBound(Sabotage sabotage, int stream) throws Exception {
    Arguments a = streams().toList().get(stream);
    String name = (String) a.get()[0];
    Path opus = Libopus.encode(written((Wav) a.get()[1], dir.resolve("in.wav")), dir.resolve("ref.opus"),
        (List<String>) a.get()[2]);
    Libopus.Decoded ref = Libopus.decode(opus, RATE, 0);
    ReferenceComparison c = ReferenceComparison.of(ref.pcm(), OurDecode.of(OggOpusFile.read(opus), RATE, sabotage).pcm(), RATE);
    System.out.println("opus reference, " + name + ", " + sabotage + ": " + c);
    assertThat(c.worstFrameDb()).as("%s, %s: %s", name, sabotage, c).isLessThan(MIN_FRAME_SNR_DB - 10);
  }

  static Stream<Arguments> sabotages() {
    return Stream.of(
        Arguments.of(Sabotage.FORGETS_STATE, 1), Arguments.of(Sabotage.FORGETS_STATE, 4), Arguments.of(Sabotage.FORGETS_STATE, 5),
        Arguments.of(Sabotage.CONCEALS_ONE_IN_TEN, 1), Arguments.of(Sabotage.CONCEALS_ONE_IN_TEN, 4),
        Arguments.of(Sabotage.CONCEALS_ONE_IN_TEN, 5),
        Arguments.of(Sabotage.NARROWBAND_ONLY, 1), Arguments.of(Sabotage.NARROWBAND_ONLY, 4));
  }

  @Test
  void aCorruptedPacketChangesItsFinalRange() throws Exception {
    Path opus = Libopus.encode(written(sweep(48000), dir.resolve("in.wav")), dir.resolve("ref.opus"),
        List.of("--bitrate", "64"));
    Libopus.Decoded ref = Libopus.decode(opus, RATE, 0);
    OggOpusFile ogg = OggOpusFile.read(opus);
    byte[] p = ogg.audioPackets().get(20);
    // Byte 1 follows the TOC: range-coded for sure (CELT's raw bits are read from the packet's end and
    // do not enter the range, so a flip there would go unnoticed by this check, though not by the SNR).
    p[1] ^= 0x10;
    OurDecode ours = OurDecode.of(ogg, RATE, Sabotage.NONE);
    assertThat(ours.finalRanges()[20]).isNotEqualTo(ref.finalRanges()[20]);
    assertThat(Arrays.copyOf(ours.finalRanges(), 20)).containsExactly(Arrays.copyOf(ref.finalRanges(), 20));
  }

  // ---- inputs -------------------------------------------------------------------------------

  static Path written(Wav wav, Path file) throws java.io.IOException {
    wav.write(file);
    return file;
  }

  static Wav tone48k() {
    return Wav.tone(48000, 1000, 2, -12);
  }

  /** A logarithmic sweep from 100 Hz to just under Nyquist, -12 dBFS peak, 2 s. */
  static Wav sweep(int rateHz) {
    int n = rateHz * 2;
    double f0 = 100, f1 = rateHz * 0.45, k = Math.log(f1 / f0);
    double amplitude = 32767 * Math.pow(10, -12 / 20.0);
    short[] s = new short[n];
    for (int i = 0; i < n; i++) {
      double t = i / (double) rateHz;
      double phase = 2 * Math.PI * f0 * 2 / k * (Math.exp(k * t / 2) - 1);
      s[i] = (short) Math.round(amplitude * Math.sin(phase));
    }
    return new Wav(rateHz, s);
  }

  /** espeak-ng speech (8 kHz) made by scripts/make-dtmf-testdata.sh, the first 4 s. */
  static Wav speech() {
    try {
      return Wav.read(Path.of("src/test/resources/dtmf/talkoff-sentences.wav")).slice(0, 4);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
