package dev.parley.media.codec;

import static dev.parley.media.codec.G722Band.saturate;
import static dev.parley.media.codec.G722Tables.*;

/**
 * ITU-T G.722 decoder, 64 kbit/s mode: each byte gives two 16 kHz samples. The lower band is
 * reconstructed with the full 6-bit code (§4.2, INVQBL) while its predictor adapts on the 4-bit core
 * like the encoder's; the receive QMF (§4.4) joins the bands.
 *
 * <p>One instance per incoming stream; media thread only; allocates nothing. No concealment of its
 * own: the jitter buffer's waveform concealment serves G.722 as it serves G.711.
 */
public final class G722Decoder implements AudioDecoder {
  private final int[] x = new int[24];
  private final G722Band low = new G722Band(32);
  private final G722Band high = new G722Band(8);

  @Override
  public int decode(byte[] in, int off, int len, short[] out, int outOff) {
    int n = outOff;
    for (int j = off, end = off + len; j < end; j++) {
      int code = in[j] & 0xFF;
      int rLow = decodeLow(code & 0x3F);
      int rHigh = decodeHigh(code >> 6);
      // Receive QMF (§4.4)
      System.arraycopy(x, 2, x, 0, 22);
      x[22] = rLow + rHigh;
      x[23] = rLow - rHigh;
      int out1 = 0, out2 = 0;
      for (int i = 0; i < 12; i++) {
        out2 += x[2 * i] * QMF[i];
        out1 += x[2 * i + 1] * QMF[11 - i];
      }
      out[n++] = (short) saturate(out1 >> 11);
      out[n++] = (short) saturate(out2 >> 11);
    }
    return n - outOff;
  }

  /** Blocks 5L (INVQBL, RECONS), 6L (LIMIT), then 2L to 4L like the encoder. */
  private int decodeLow(int code) {
    int r = low.s + ((low.det * QM6[code]) >> 15);
    r = Math.max(-16384, Math.min(16383, r));
    int core = code >> 2;
    int dq = (low.det * QM4[core]) >> 15;
    low.adaptScale(WL[RL42[core]], 18432, 8);
    low.predict(dq);
    return r;
  }

  /** Blocks 2H (INVQAH), 5H (RECONS), 6H (LIMIT), 3H and 4H. */
  private int decodeHigh(int code) {
    int dq = (high.det * QM2[code]) >> 15;
    int r = Math.max(-16384, Math.min(16383, dq + high.s));
    high.adaptScale(WH[RH2[code]], 22528, 10);
    high.predict(dq);
    return r;
  }
}
