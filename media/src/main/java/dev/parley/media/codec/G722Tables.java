package dev.parley.media.codec;

/** The quantiser tables of ITU-T G.722 (64 kbit/s mode) that the encoder and decoder share. */
final class G722Tables {
  private G722Tables() {}

  /** Table 14 (WL): log scale factor multipliers of the lower band, by 4-bit magnitude class. */
  static final int[] WL = {-60, -30, 58, 172, 334, 538, 1198, 3042};
  /** Maps a 4-bit lower-band code to its magnitude class for {@link #WL} (RIL4 of Table 11). */
  static final int[] RL42 = {0, 7, 6, 5, 4, 3, 2, 1, 7, 6, 5, 4, 3, 2, 1, 0};
  /** Table 11 (QQ4 with signs): 4-bit inverse quantiser outputs, Q-scaled, used for adaptation. */
  static final int[] QM4 = {
    0, -20456, -12896, -8968, -6288, -4240, -2584, -1200, 20456, 12896, 8968, 6288, 4240, 2584, 1200, 0
  };
  /** Table 13 (QQ6 with signs): 6-bit inverse quantiser outputs, the decoder's reconstruction. */
  static final int[] QM6 = {
    -136, -136, -136, -136, -24808, -21904, -19008, -16704, -14984, -13512, -12280, -11192, -10232, -9360, -8576,
    -7856, -7192, -6576, -6000, -5456, -4944, -4464, -4008, -3576, -3168, -2776, -2400, -2032, -1688, -1360, -1040,
    -728, 24808, 21904, 19008, 16704, 14984, 13512, 12280, 11192, 10232, 9360, 8576, 7856, 7192, 6576, 6000, 5456,
    4944, 4464, 4008, 3576, 3168, 2776, 2400, 2032, 1688, 1360, 1040, 728, 432, 136, -432, -136
  };
  /** Table 9 (QQ2 with signs): the upper band's 2-bit inverse quantiser. */
  static final int[] QM2 = {-7408, -1616, 7408, 1616};
  /** Table 16 (WH): log scale factor multipliers of the upper band. */
  static final int[] WH = {0, -214, 798};
  /** Maps a 2-bit upper-band code to its magnitude class for {@link #WH}. */
  static final int[] RH2 = {2, 1, 2, 1};
  /**
   * Table 12 (Q6): the lower band's 6-bit decision levels in units of the scale factor; searched for
   * the magnitude, then mapped to the code by sign ({@link #ILN}, {@link #ILP}).
   */
  static final int[] Q6 = {
    0, 35, 72, 110, 150, 190, 233, 276, 323, 370, 422, 473, 530, 587, 650, 714, 786, 858, 940, 1023, 1121, 1219, 1339,
    1458, 1612, 1765, 1980, 2195, 2557, 2919, 0, 0
  };
  static final int[] ILN = {
    0, 63, 62, 31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 0
  };
  static final int[] ILP = {
    0, 61, 60, 59, 58, 57, 56, 55, 54, 53, 52, 51, 50, 49, 48, 47, 46, 45, 44, 43, 42, 41, 40, 39, 38, 37, 36, 35, 34,
    33, 32, 0
  };
  /** Upper-band codes by magnitude class (1 = inner, 2 = outer) for negative and positive differences. */
  static final int[] IHN = {0, 1, 0};
  static final int[] IHP = {0, 3, 2};
  /** Table 4: half of the 24-tap QMF (the filter is symmetric), scaled by 2^13. */
  static final int[] QMF = {3, -11, 12, 32, -210, 951, 3876, -805, 362, -156, 53, -11};
}
