package dev.parley.media.codec;

import java.util.Arrays;

/**
 * How close a decoder's output is to the reference decoder's, frame by frame: the signal-to-difference
 * ratio of each 20 ms frame, in dB. opus_compare (RFC 6716 §6) weighs the difference by band and
 * masking; an SNR per frame is stricter for what matters here (a decoder that gets a mode, a band or
 * its state wrong makes whole frames differ by more than their signal), and it reads plainly. Frames
 * where the reference is quieter than {@link #QUIET_DBFS} are left out: their SNR would be noise over
 * nothing.
 *
 * @param frames       frames compared
 * @param worstFrameDb the lowest frame SNR
 * @param medianDb     the median frame SNR
 * @param overallDb    the SNR over the whole signal
 * @param identical    frames whose every sample is within one LSB (rounding) of the reference
 */
record ReferenceComparison(int frames, double worstFrameDb, double medianDb, double overallDb, int identical) {
  static final double QUIET_DBFS = -60;

  static ReferenceComparison of(double[] reference, short[] ours, int rateHz) {
    int frame = rateHz / 50;
    int n = Math.min(reference.length, ours.length);
    double quiet = frame * Math.pow(32768 * Math.pow(10, QUIET_DBFS / 20), 2);
    double[] snr = new double[n / frame];
    int count = 0, identical = 0;
    double signalAll = 0, noiseAll = 0;
    for (int f = 0; f + frame <= n; f += frame) {
      double signal = 0, noise = 0, worstSample = 0;
      for (int i = f; i < f + frame; i++) {
        double d = ours[i] - reference[i];
        signal += reference[i] * reference[i];
        noise += d * d;
        worstSample = Math.max(worstSample, Math.abs(d));
      }
      signalAll += signal;
      noiseAll += noise;
      if (signal < quiet) continue;
      snr[count++] = 10 * Math.log10(signal / Math.max(noise, 1e-9));
      if (worstSample <= 1.0) identical++;
    }
    double[] s = Arrays.copyOf(snr, count);
    Arrays.sort(s);
    return new ReferenceComparison(count, count == 0 ? Double.NaN : s[0], count == 0 ? Double.NaN : s[count / 2],
        10 * Math.log10(signalAll / Math.max(noiseAll, 1e-9)), identical);
  }

  @Override
  public String toString() {
    return String.format("%d frames: worst %.1f dB, median %.1f dB, overall %.1f dB, %d within 1 LSB",
        frames, worstFrameDb, medianDb, overallDb, identical);
  }
}
