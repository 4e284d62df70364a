package dev.parley.loadgen.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.loadgen.media.Tones;
import org.junit.jupiter.api.Test;

class ToneCheckTest {

  private static final int RATE = 8000;

  /** One second of the sum of sines at -24 dBFS each, as a conference member would receive it. */
  private static short[] mix(int... freqs) {
    short[] out = new short[RATE];
    for (int i = 0; i < out.length; i++) {
      double v = 0;
      for (int f : freqs) v += 2000 * Math.sin(2 * Math.PI * f * i / RATE);
      out[i] = (short) Math.round(v);
    }
    return out;
  }

  private static int[] tones(int... members) {
    int[] f = new int[members.length];
    for (int i = 0; i < members.length; i++) f[i] = Tones.frequencyHz(members[i]);
    return f;
  }

  @Test
  void aMemberWhoHearsEveryRoomMateButNotItselfPasses() {
    short[] heard = mix(tones(1, 2, 3, 4, 5, 6, 7, 8, 9));
    ToneCheck.Result r = ToneCheck.check(heard, heard.length, Tones.frequencyHz(0), tones(1, 2, 3, 4, 5, 6, 7, 8, 9),
        ToneCheck.Expect.MIX_MINUS);
    assertThat(r.pass()).as(r.reason()).isTrue();
    assertThat(r.weakestExpectedDb()).isGreaterThan(-30);
    assertThat(r.ownDb()).isLessThan(-60);
  }

  @Test
  void aMemberWhoHearsItselfFails() {
    short[] heard = mix(tones(0, 1, 2));
    ToneCheck.Result r = ToneCheck.check(heard, heard.length, Tones.frequencyHz(0), tones(1, 2), ToneCheck.Expect.MIX_MINUS);
    assertThat(r.pass()).isFalse();
    assertThat(r.reason()).contains("hears itself");
  }

  @Test
  void aMemberWhoMissesARoomMateFails() {
    short[] heard = mix(tones(1));
    ToneCheck.Result r = ToneCheck.check(heard, heard.length, Tones.frequencyHz(0), tones(1, 2), ToneCheck.Expect.MIX_MINUS);
    assertThat(r.pass()).isFalse();
    assertThat(r.reason()).contains("a room-mate");
  }

  @Test
  void fromAnEchoTargetAMemberMustHearItselfAndNoOneElse() {
    short[] own = mix(tones(4));
    assertThat(ToneCheck.check(own, own.length, Tones.frequencyHz(4), tones(0, 1), ToneCheck.Expect.ECHO).pass()).isTrue();
    short[] crossed = mix(tones(4, 1));
    assertThat(ToneCheck.check(crossed, crossed.length, Tones.frequencyHz(4), tones(0, 1), ToneCheck.Expect.ECHO).reason())
        .contains("hears another member");
  }

  @Test
  void aSilentListenerIsOnlyCheckedForItsRoomMates() {
    short[] heard = mix(tones(0, 1));
    ToneCheck.Result r = ToneCheck.check(heard, heard.length, 0, tones(0, 1), ToneCheck.Expect.MIX_MINUS);
    assertThat(r.pass()).as(r.reason()).isTrue();
    assertThat(r.ownDb()).isNaN();
  }

  @Test
  void tooLittleAudioFails() {
    short[] heard = mix(tones(1));
    assertThat(ToneCheck.check(heard, 100, Tones.frequencyHz(0), tones(1), ToneCheck.Expect.MIX_MINUS).reason())
        .contains("only 100 samples");
  }
}
