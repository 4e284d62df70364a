package dev.parley.media.rtcp;

/**
 * A listening-quality estimate from delay, loss and codec: the E-model of ITU-T G.107, simplified the
 * usual way for VoIP monitoring (Cole and Rosenbluth, 2001), on the narrowband scale:
 *
 * <pre>
 *   R      = 93.2 - Id - Ie,eff                       (G.107 default Ro - Is, with A = 0)
 *   Id     = 0.024 d + 0.11 (d - 177.3) H(d - 177.3)  (d: one-way mouth-to-ear delay in ms, H: step)
 *   Ie,eff = Ie + (95 - Ie) Ppl / (Ppl + Bpl)         (Ppl: packet loss in %, random loss, BurstR = 1)
 *   MOS    = 1                                        for R <= 0
 *          = 1 + 0.035 R + 7e-6 R (R - 60) (100 - R)  for 0 < R < 100
 *          = 4.5                                      for R >= 100
 * </pre>
 *
 * Ie and Bpl per codec come from ITU-T G.113 Appendix I where it has them (G.711 with concealment: 0
 * and 25.1); G.722, L16 and Opus are put at Ie 0 with the same Bpl, since they are at least as good
 * as G.711 and the wideband scale (G.107.1) is not modelled here. So the figure says what delay and
 * loss cost, not how much better wideband sounds. Pure arithmetic; no allocation.
 */
public final class MosEstimate {
  private MosEstimate() {}

  /** G.113 Appendix I: G.711 with packet loss concealment. */
  static final double BPL_WITH_CONCEALMENT = 25.1;

  /** The equipment impairment factor Ie of a codec (by rtpmap name); 0 for everything we implement. */
  public static double equipmentImpairment(String encodingName) {
    return 0;
  }

  /** The packet-loss robustness factor Bpl of a codec. */
  public static double lossRobustness(String encodingName) {
    return BPL_WITH_CONCEALMENT;
  }

  /** The rating factor R. */
  public static double rating(double oneWayDelayMillis, double lossPercent, double ie, double bpl) {
    double d = Math.max(0, oneWayDelayMillis);
    double id = 0.024 * d + (d > 177.3 ? 0.11 * (d - 177.3) : 0);
    double ppl = Math.max(0, Math.min(100, lossPercent));
    double ieEff = ie + (95 - ie) * ppl / (ppl + bpl);
    return 93.2 - id - ieEff;
  }

  /** G.107 Annex B: R to the mean opinion score, 1 to 4.5. */
  public static double mos(double r) {
    if (r <= 0) return 1;
    if (r >= 100) return 4.5;
    return 1 + 0.035 * r + 7e-6 * r * (r - 60) * (100 - r);
  }

  public static double mos(double oneWayDelayMillis, double lossPercent, String encodingName) {
    return mos(rating(oneWayDelayMillis, lossPercent, equipmentImpairment(encodingName), lossRobustness(encodingName)));
  }
}
