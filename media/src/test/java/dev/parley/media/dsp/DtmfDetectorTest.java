package dev.parley.media.dsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.media.audio.Prompt;
import dev.parley.media.audio.Tones;
import dev.parley.media.audio.WavFile;
import dev.parley.media.testing.Signals;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DtmfDetectorTest {
  static final String KEYS = "123A456B789C*0#D";
  private static final int RATE = 8000;

  /** What the detector reported, as "digit:millis" strings. */
  private final List<String> reported = new ArrayList<>();
  private final List<Integer> durations = new ArrayList<>();
  private final DtmfDetector detector = new DtmfDetector(RATE, (d, ms) -> {
    reported.add(String.valueOf(d));
    durations.add(ms);
  });

  static double rowHz(char key) {
    return DtmfDetector.ROW_HZ[KEYS.indexOf(key) / 4];
  }

  static double colHz(char key) {
    return DtmfDetector.COL_HZ[KEYS.indexOf(key) % 4];
  }

  static short[] key(char key, int millis, double dbfsEach) {
    return samples(Tones.dual(rowHz(key), colHz(key), millis, dbfsEach, RATE));
  }

  static short[] samples(Prompt p) {
    short[] s = new short[p.length()];
    p.copy(0, s, 0, s.length);
    return s;
  }

  static short[] silence(int millis) {
    return new short[millis * RATE / 1000];
  }

  /** Feeds in 20 ms frames, as the media thread does. */
  private void feed(short[] s) {
    for (int at = 0; at < s.length; at += 160) detector.process(s, at, Math.min(160, s.length - at));
  }

  private String digits() {
    return String.join("", reported);
  }

  @ParameterizedTest(name = "{0} dBFS per tone")
  @ValueSource(doubles = {-6, -12, -20, -30})
  void everyKeyIsDetectedOnceAtLevelsFromLoudToFaint(double dbfs) {
    for (char k : KEYS.toCharArray()) feed(Signals.concat(key(k, 100, dbfs), silence(60)));
    assertThat(digits()).isEqualTo(KEYS);
    assertThat(durations).allSatisfy(ms -> assertThat(ms).isBetween(76, 115));
  }

  @ParameterizedTest(name = "noise at {0} dBFS")
  @ValueSource(doubles = {-40, -30, -26})
  void everyKeyIsDetectedInNoise(double noiseDbfs) {
    short[] s = new short[0];
    for (char k : KEYS.toCharArray()) s = Signals.concat(s, key(k, 100, -12), silence(60));
    Signals.addNoise(s, noiseDbfs, 42);
    feed(s);
    assertThat(digits()).isEqualTo(KEYS);
  }

  @Test
  void aKeyHeldForTwoSecondsIsOneDigitWithItsDuration() {
    feed(Signals.concat(key('5', 2000, -10), silence(60)));
    assertThat(digits()).isEqualTo("5");
    assertThat(durations.getFirst()).isBetween(1950, 2020);
  }

  @Test
  void aFortyMillisecondToneIsAcceptedAtAnyAlignment() {
    for (int shift = 0; shift < 102; shift += 17) {
      feed(Signals.concat(new short[shift], key('9', 40, -12), silence(60)));
    }
    assertThat(digits()).isEqualTo("999999");
  }

  @Test
  void aTwentyMillisecondBlipIsRejected() {
    for (int shift = 0; shift < 102; shift += 17) {
      feed(Signals.concat(new short[shift], key('9', 20, -12), silence(60)));
    }
    assertThat(reported).isEmpty();
  }

  @Test
  void theSameKeyPressedTwiceWithAShortGapIsTwoDigits() {
    feed(Signals.concat(key('7', 80, -12), silence(40), key('7', 80, -12), silence(60)));
    assertThat(digits()).isEqualTo("77");
  }

  @Test
  void aDropoutOfOneBlockDoesNotSplitADigit() {
    feed(Signals.concat(key('#', 100, -12), silence(10), key('#', 100, -12), silence(60)));
    assertThat(digits()).isEqualTo("#");
  }

  @Test
  void twistBeyondTheAllowanceIsRejected() {
    // Row 10 dB louder than column (the allowance is 8), then column 6 dB louder (allowance 4).
    short[] rowLoud = mix(Tones.sine(rowHz('1'), 100, -6, RATE), Tones.sine(colHz('1'), 100, -16, RATE));
    short[] colLoud = mix(Tones.sine(rowHz('2'), 100, -16, RATE), Tones.sine(colHz('2'), 100, -10, RATE));
    feed(Signals.concat(rowLoud, silence(60), colLoud, silence(60)));
    assertThat(reported).isEmpty();
  }

  @Test
  void twistWithinTheAllowanceIsAccepted() {
    short[] rowLouder = mix(Tones.sine(rowHz('1'), 100, -6, RATE), Tones.sine(colHz('1'), 100, -12, RATE));
    short[] colLouder = mix(Tones.sine(rowHz('2'), 100, -15, RATE), Tones.sine(colHz('2'), 100, -12, RATE));
    feed(Signals.concat(rowLouder, silence(60), colLouder, silence(60)));
    assertThat(digits()).isEqualTo("12");
  }

  @Test
  void aSingleToneIsNotAKey() {
    feed(Signals.concat(samples(Tones.sine(697, 300, -6, RATE)), samples(Tones.sine(1336, 300, -6, RATE)), silence(60)));
    assertThat(reported).isEmpty();
  }

  @Test
  void aKeyUnderAThirdToneOfEqualLevelIsRejected() {
    short[] withThird = mix(Tones.dual(rowHz('5'), colHz('5'), 200, -12, RATE), Tones.sine(400, 200, -9, RATE));
    feed(Signals.concat(withThird, silence(60)));
    assertThat(reported).isEmpty();
  }

  @Test
  void frequenciesOffByOnePointFivePercentAreAcceptedAndByFivePercentRejected() {
    feed(Signals.concat(samples(Tones.dual(rowHz('8') * 1.015, colHz('8') * 0.985, 100, -12, RATE)), silence(60)));
    feed(Signals.concat(samples(Tones.dual(rowHz('8') * 1.05, colHz('8') * 1.05, 100, -12, RATE)), silence(60)));
    assertThat(digits()).isEqualTo("8");
  }

  @Test
  void tonesBelowTheMinimumLevelAreIgnored() {
    feed(Signals.concat(key('1', 200, -45), silence(60)));
    assertThat(reported).isEmpty();
  }

  @Test
  void theCommittedKeysRecordingYieldsAllSixteenKeys() throws Exception {
    feed(Signals.concat(samples(WavFile.load(Path.of("src/test/resources/dtmf/keys.wav"), RATE)), silence(60)));
    assertThat(digits()).isEqualTo(KEYS);
  }

  @Test
  void resetForgetsAToneInProgress() {
    feed(key('3', 100, -12));
    detector.reset();
    feed(silence(100));
    assertThat(reported).isEmpty();
  }

  @Test
  void processingAllocatesNothing() {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    short[] s = Signals.concat(key('4', 100, -12), silence(60));
    for (int i = 0; i < 2000; i++) feed(s); // warm up
    reported.clear();
    DtmfDetector quiet = new DtmfDetector(RATE, (d, ms) -> {});
    for (int i = 0; i < 2000; i++) quiet.process(s, 0, s.length);
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 2000; i++) quiet.process(s, 0, s.length);
    assertThat(threads.getCurrentThreadAllocatedBytes() - before).isZero();
  }

  private static short[] mix(Prompt a, Prompt b) {
    short[] s = samples(a);
    for (int i = 0; i < s.length; i++) s[i] = (short) (s[i] + b.sample(i));
    return s;
  }
}
