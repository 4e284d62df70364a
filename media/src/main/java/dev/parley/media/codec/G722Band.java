package dev.parley.media.codec;

/**
 * The ADPCM state of one G.722 sub-band (ITU-T G.722 §3.6 and §4.2 to §4.4), shared by the encoder and
 * the decoder: both run the same quantiser adaptation and predictor on the same quantised difference,
 * which is why a decoder tracks its encoder from the bit stream alone.
 *
 * <p>Names follow the Recommendation's blocks and signals: {@code det} is the quantiser scale factor
 * (DETL/DETH), {@code nb} its logarithm (NBL/NBH), {@code s} the signal estimate (SL/SH), {@code sz}
 * the zero-section part of it (SZL/SZH). Arithmetic is the Recommendation's 16-bit fixed point with
 * saturation; one instance per band per stream, media thread only.
 */
final class G722Band {
  /** ITU-T G.722 Table 15 (ILB): the inverse logarithm of the scale factor, 32 steps per octave. */
  private static final int[] ILB = {
    2048, 2093, 2139, 2186, 2233, 2282, 2332, 2383, 2435, 2489, 2543, 2599, 2656, 2714, 2774, 2834,
    2896, 2960, 3025, 3091, 3158, 3228, 3298, 3371, 3444, 3520, 3597, 3676, 3756, 3838, 3922, 4008
  };

  int s;
  int sz;
  int det;
  int nb;
  private int sp;
  /** Reconstructed signal, partial reconstructed signal, pole coefficients: index 0 is this sample. */
  private final int[] r = new int[3];
  private final int[] p = new int[3];
  private final int[] a = new int[3];
  private final int[] ap = new int[3];
  /** Quantised differences and zero coefficients, index 0 is this sample. */
  private final int[] d = new int[7];
  private final int[] b = new int[7];
  private final int[] bp = new int[7];
  private final int[] sg = new int[7];

  /** @param initialDet the reset value of the scale factor: 32 for the lower band, 8 for the upper (§6.1) */
  G722Band(int initialDet) {
    det = initialDet;
  }

  static int saturate(int x) {
    return x > 32767 ? 32767 : Math.max(x, -32768);
  }

  /**
   * Blocks 3L/3H (LOGSCL, SCALEL / LOGSCH, SCALEH): adapts the scale factor with the log-domain
   * multiplier {@code w} (Tables 14 and 16), leaking by 127/128 so a decoder that starts mid-stream
   * converges.
   *
   * @param maxNb 18432 for the lower band, 22528 for the upper
   * @param shift 8 for the lower band, 10 for the upper: the scale of DETL vs DETH
   */
  void adaptScale(int w, int maxNb, int shift) {
    int n = ((nb * 127) >> 7) + w;
    nb = n < 0 ? 0 : Math.min(n, maxNb);
    int mantissa = ILB[(nb >> 6) & 31];
    int exponent = shift - (nb >> 11);
    det = (exponent < 0 ? mantissa << -exponent : mantissa >> exponent) << 2;
  }

  /**
   * Block 4 (§3.6): with this sample's quantised difference {@code dq}, reconstructs the signal,
   * updates the second-order pole and sixth-order zero predictors by the sign algorithm, and computes
   * the next estimate {@link #s}.
   */
  void predict(int dq) {
    // RECONS and PARREC
    d[0] = dq;
    r[0] = saturate(s + dq);
    p[0] = saturate(sz + dq);

    // UPPOL2: the second pole coefficient, limited to +-0.75 (12288 in Q14)
    for (int i = 0; i < 3; i++) sg[i] = p[i] >> 15;
    int wd1 = saturate(a[1] << 2);
    int wd2 = sg[0] == sg[1] ? -wd1 : wd1;
    if (wd2 > 32767) wd2 = 32767;
    int wd3 = (wd2 >> 7) + (sg[0] == sg[2] ? 128 : -128);
    wd3 += (a[2] * 32512) >> 15;
    ap[2] = Math.max(-12288, Math.min(12288, wd3));

    // UPPOL1: the first pole coefficient, bounded by 1 - 2^-4 - |a2| for stability
    wd1 = sg[0] == sg[1] ? 192 : -192;
    wd2 = (a[1] * 32640) >> 15;
    ap[1] = saturate(wd1 + wd2);
    wd3 = saturate(15360 - ap[2]);
    if (ap[1] > wd3) ap[1] = wd3;
    else if (ap[1] < -wd3) ap[1] = -wd3;

    // UPZERO: the six zero coefficients, with leakage 255/256
    wd1 = dq == 0 ? 0 : 128;
    sg[0] = dq >> 15;
    for (int i = 1; i < 7; i++) {
      sg[i] = d[i] >> 15;
      wd2 = sg[i] == sg[0] ? wd1 : -wd1;
      wd3 = (b[i] * 32640) >> 15;
      bp[i] = saturate(wd2 + wd3);
    }

    // DELAYA
    for (int i = 6; i > 0; i--) {
      d[i] = d[i - 1];
      b[i] = bp[i];
    }
    for (int i = 2; i > 0; i--) {
      r[i] = r[i - 1];
      p[i] = p[i - 1];
      a[i] = ap[i];
    }

    // FILTEP, FILTEZ, PREDIC
    wd1 = saturate(r[1] + r[1]);
    wd1 = (a[1] * wd1) >> 15;
    wd2 = saturate(r[2] + r[2]);
    wd2 = (a[2] * wd2) >> 15;
    sp = saturate(wd1 + wd2);
    int z = 0;
    for (int i = 6; i > 0; i--) {
      int dd = saturate(d[i] + d[i]);
      z += (b[i] * dd) >> 15;
    }
    sz = saturate(z);
    s = saturate(sp + sz);
  }
}
