package dev.parley.loadgen.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TonesTest {

  private static List<Integer> all() {
    List<Integer> f = new ArrayList<>();
    for (int i = 0; i < Tones.distinct(); i++) f.add(Tones.frequencyHz(i));
    return f;
  }

  @Test
  void tenMembersOfARoomHaveTenDistinctTonesInTheTelephoneBand() {
    assertThat(all()).hasSize(10).doesNotHaveDuplicates().allMatch(f -> f >= 300 && f <= 3400);
    assertThat(Tones.frequencyHz(10)).isEqualTo(Tones.frequencyHz(0));
  }

  @Test
  void noToneLiesNearAnotherOrItsHarmonicsOrTheIntermodulationOfTwoOthers() {
    List<Integer> f = all();
    for (int own : f) {
      List<Integer> products = new ArrayList<>();
      for (int g : f) {
        if (g == own) continue;
        products.add(g);
        for (int k = 2; k <= 4; k++) products.add(k * g);
        for (int h : f) {
          if (h == own || h == g) continue;
          products.add(g + h);
          products.add(Math.abs(g - h));
          products.add(2 * g - h);
        }
      }
      for (int p : products) {
        assertThat(Math.abs(p - own)).as("product %d near the tone %d", p, own).isGreaterThanOrEqualTo(Tones.MIN_SEPARATION_HZ);
      }
    }
  }
}
