package dev.parley.media.codec;

import static dev.parley.media.codec.G722Band.saturate;
import static dev.parley.media.codec.G722Tables.*;

/**
 * ITU-T G.722 encoder, 64 kbit/s mode: 16 kHz PCM in, one byte per two samples out (6 bits of the
 * lower sub-band ADPCM, 2 of the upper). The transmit QMF (§3.1) splits each pair of input samples
 * into a 0-4 kHz and a 4-8 kHz sample at 8 kHz; each band is coded by its own {@link G722Band}.
 *
 * <p>One instance per outgoing stream (it carries the QMF delay line and the predictors); media thread
 * only; allocates nothing. An odd trailing sample is dropped: callers pass whole 10/20/30 ms frames.
 */
public final class G722Encoder implements AudioEncoder {
  private final int[] x = new int[24];
  private final G722Band low = new G722Band(32);
  private final G722Band high = new G722Band(8);

  @Override
  public int encode(short[] in, int off, int count, byte[] out, int outOff) {
    int n = 0;
    for (int j = off, end = off + (count & ~1); j < end; j += 2) {
      // Transmit QMF (§3.1): the newest pair enters the 24-sample delay line.
      System.arraycopy(x, 2, x, 0, 22);
      x[22] = in[j];
      x[23] = in[j + 1];
      int sumOdd = 0, sumEven = 0;
      for (int i = 0; i < 12; i++) {
        sumOdd += x[2 * i] * QMF[i];
        sumEven += x[2 * i + 1] * QMF[11 - i];
      }
      int xLow = (sumEven + sumOdd) >> 14;
      int xHigh = (sumEven - sumOdd) >> 14;

      int iLow = encodeLow(xLow);
      int iHigh = encodeHigh(xHigh);
      out[outOff + n++] = (byte) ((iHigh << 6) | iLow);
    }
    return n;
  }

  /** Blocks 1L to 4L: SUBTRA, QUANTL (6 bits), then adaptation on the 4-bit core (INVQAL). */
  private int encodeLow(int xLow) {
    int el = saturate(xLow - low.s);
    int magnitude = el >= 0 ? el : -(el + 1);
    int i = 1;
    for (; i < 30; i++) {
      if (magnitude < ((Q6[i] * low.det) >> 12)) break;
    }
    int code = el < 0 ? ILN[i] : ILP[i];
    // The predictor adapts on the 4-bit code only, so a decoder that drops bits (56, 48 kbit/s) stays in step.
    int core = code >> 2;
    int dq = (low.det * QM4[core]) >> 15;
    low.adaptScale(WL[RL42[core]], 18432, 8);
    low.predict(dq);
    return code;
  }

  /** Blocks 1H to 4H: SUBTRA, QUANTH (2 bits: one decision level, 564 times the scale), adaptation. */
  private int encodeHigh(int xHigh) {
    int eh = saturate(xHigh - high.s);
    int magnitude = eh >= 0 ? eh : -(eh + 1);
    int outer = magnitude >= ((564 * high.det) >> 12) ? 2 : 1;
    int code = eh < 0 ? IHN[outer] : IHP[outer];
    int dq = (high.det * QM2[code]) >> 15;
    high.adaptScale(WH[RH2[code]], 22528, 10);
    high.predict(dq);
    return code;
  }
}
