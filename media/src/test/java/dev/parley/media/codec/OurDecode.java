package dev.parley.media.codec;

import dev.parley.media.dsp.RateConverter;
import dev.parley.testkit.OggOpusFile;
import java.util.Arrays;

/**
 * Our decoder's output for an Ogg Opus file, laid out like opusdec's: every packet decoded in order
 * (or concealed where {@code lost} says so), the pre-skip dropped, the end cut at the last granule.
 *
 * @param pcm          at the rate asked
 * @param finalRanges  the range coder's final state after each packet, 0 for a concealed one (as
 *                     opusdec's --save-range writes it)
 */
record OurDecode(short[] pcm, long[] finalRanges) {

  static OurDecode of(OggOpusFile ogg, int rateHz, Sabotage sabotage) {
    return of(ogg, rateHz, new boolean[ogg.audioPackets().size()], false, sabotage);
  }

  /**
   * @param lost        which packets to treat as lost
   * @param fec         whether a lost packet is rebuilt from the next one's in-band FEC (else concealed)
   */
  static OurDecode of(OggOpusFile ogg, int rateHz, boolean[] lost, boolean fec, Sabotage sabotage) {
    int decodeRate = sabotage == Sabotage.NARROWBAND_ONLY ? 8000 : rateHz;
    OpusStreamDecoder d = new OpusStreamDecoder(decodeRate);
    int frameMax = decodeRate * 120 / 1000;
    short[] all = new short[0];
    long[] ranges = new long[ogg.audioPackets().size()];
    int length = 0, lastDuration = decodeRate / 50;
    for (int i = 0; i < ranges.length; i++) {
      byte[] p = ogg.audioPackets().get(i);
      if (length + frameMax > all.length) all = Arrays.copyOf(all, Math.max(2 * all.length, length + frameMax));
      if (sabotage == Sabotage.FORGETS_STATE) d = new OpusStreamDecoder(decodeRate);
      boolean conceal = lost[i] || (sabotage == Sabotage.CONCEALS_ONE_IN_TEN && i % 10 == 5);
      int n;
      if (!conceal) {
        n = d.decode(p, 0, p.length, all, length);
        ranges[i] = d.finalRange();
        lastDuration = n;
      } else if (sabotage == Sabotage.SILENCE_FOR_LOSS) {
        Arrays.fill(all, length, length + lastDuration, (short) 0);
        n = lastDuration;
      } else if (fec && i + 1 < ranges.length && !lost[i + 1]) {
        byte[] next = ogg.audioPackets().get(i + 1);
        n = d.recover(next, 0, next.length, all, length, lastDuration);
      } else {
        n = d.conceal(all, length, lastDuration);
      }
      if (n < 0) throw new AssertionError("packet " + i + " rejected");
      length += n;
    }
    int skip = (int) ((long) ogg.preSkip() * decodeRate / 48000);
    long end = (ogg.lastGranule() - ogg.preSkip()) * decodeRate / 48000;
    short[] pcm = Arrays.copyOfRange(all, Math.min(skip, length), (int) Math.min(length, skip + end));
    if (decodeRate != rateHz) pcm = RateConverter.convert(pcm, decodeRate, rateHz);
    return new OurDecode(pcm, ranges);
  }
}
