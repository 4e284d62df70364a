package dev.parley.media.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testkit.OggOpusFile;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Packet loss against libopus. {@code opusdec --packet-loss 10} drops packets at random (glibc's
 * unseeded rand(), so the same ones every run) and conceals them without FEC; its {@code --save-range}
 * log marks which (range 0). Our decoder gets the same packets dropped. Concealment is not normative
 * (RFC 6716 §4.4) and libopus 1.3 may conceal differently from the 1.1 code Concentus ports, so the
 * bounds are looser than for decoding; they are still far above what silence in the gaps gives.
 * The stream is espeak-ng speech from libopus's encoder with in-band FEC on (SILK and hybrid frames).
 */
class OpusLossVsLibopusIT {
  /** Measured: the worst frame 22 dB, most frames identical, the whole 60 dB. */
  static final double MIN_PLC_FRAME_SNR_DB = 12;
  static final double MIN_PLC_OVERALL_SNR_DB = 35;

  @TempDir Path dir;
  OggOpusFile ogg;
  Libopus.Decoded lossless;
  Libopus.Decoded withLoss;
  boolean[] lost;

  @BeforeEach
  void encodeAndDecodeWithLibopus() throws Exception {
    Path in = OpusDecoderVsLibopusIT.written(OpusDecoderVsLibopusIT.speech(), dir.resolve("in.wav"));
    // OPUS_SET_INBAND_FEC (4012): opusenc's --expect-loss alone makes no FEC data.
    Path opus = Libopus.encode(in, dir.resolve("ref.opus"),
        List.of("--bitrate", "24", "--expect-loss", "20", "--set-ctl-int", "4012=1"));
    ogg = OggOpusFile.read(opus);
    lossless = Libopus.decode(opus, 48000, 0);
    withLoss = Libopus.decode(opus, 48000, 10);
    lost = new boolean[withLoss.finalRanges().length];
    for (int i = 0; i < lost.length; i++) lost[i] = withLoss.finalRanges()[i] == 0;
  }

  @Test
  void ourConcealmentStaysCloseToLibopuss() {
    int losses = count(lost);
    assertThat(losses).as("packets opusdec dropped of %d", lost.length).isBetween(8, 40);
    OurDecode ours = OurDecode.of(ogg, 48000, lost, false, Sabotage.NONE);
    ReferenceComparison c = ReferenceComparison.of(withLoss.pcm(), ours.pcm(), 48000);
    System.out.println("opus reference, " + losses + " of " + lost.length + " lost, concealed: " + c);
    for (int i = 0; i < lost.length; i++) {
      if (!lost[i]) assertThat(ours.finalRanges()[i]).as("final range of packet %d", i).isEqualTo(withLoss.finalRanges()[i]);
    }
    assertThat(c.worstFrameDb()).as("%s", c).isGreaterThan(MIN_PLC_FRAME_SNR_DB);
    assertThat(c.overallDb()).as("%s", c).isGreaterThan(MIN_PLC_OVERALL_SNR_DB);

    ReferenceComparison silent = ReferenceComparison.of(withLoss.pcm(),
        OurDecode.of(ogg, 48000, lost, false, Sabotage.SILENCE_FOR_LOSS).pcm(), 48000);
    System.out.println("opus reference, " + losses + " lost, silence in the gaps: " + silent);
    assertThat(silent.worstFrameDb()).as("silence instead of concealment: %s", silent).isLessThan(MIN_PLC_FRAME_SNR_DB - 6);
  }

  /**
   * opusdec does not use FEC, so FEC is checked against what the lost packets held: libopus's decode
   * without loss. A packet rebuilt from the next one's FEC must come closer to it than concealment does.
   */
  @Test
  void forwardErrorCorrectionBeatsConcealment() {
    OurDecode fec = OurDecode.of(ogg, 48000, lost, true, Sabotage.NONE);
    OurDecode plc = OurDecode.of(ogg, 48000, lost, false, Sabotage.NONE);
    double[] fecSnr = lostFrameSnr(fec.pcm());
    double[] plcSnr = lostFrameSnr(plc.pcm());
    System.out.printf("opus reference, lost frames vs the lossless decode: FEC median %.1f dB, concealment median %.1f dB%n",
        median(fecSnr), median(plcSnr));
    assertThat(fecSnr.length).as("lost packets with the next one received").isGreaterThanOrEqualTo(5);
    assertThat(median(fecSnr)).as("FEC %s vs concealment %s", Arrays.toString(fecSnr), Arrays.toString(plcSnr))
        .isGreaterThan(median(plcSnr) + 3);
  }

  /** SNR against the lossless decode over each lost packet's 20 ms (the pre-skip shifts them). */
  private double[] lostFrameSnr(short[] ours) {
    double[] out = new double[lost.length];
    int n = 0, frame = 960;
    for (int i = 0; i + 1 < lost.length; i++) {
      if (!lost[i] || lost[i + 1]) continue;
      int from = i * frame - ogg.preSkip(), to = from + frame;
      if (from < 0 || to > ours.length) continue;
      double signal = 0, noise = 0;
      for (int k = from; k < to; k++) {
        double r = lossless.pcm()[k];
        signal += r * r;
        noise += (ours[k] - r) * (ours[k] - r);
      }
      if (signal < frame * 10.0 * 10.0) continue; // silence: nothing to rebuild
      out[n++] = 10 * Math.log10(signal / Math.max(noise, 1e-9));
    }
    return Arrays.copyOf(out, n);
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length == 0 ? Double.NaN : s[s.length / 2];
  }

  private static int count(boolean[] b) {
    int n = 0;
    for (boolean x : b) if (x) n++;
    return n;
  }
}
