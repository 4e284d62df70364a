package dev.parley.media.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MosEstimateTest {
  @Test
  void aPerfectNarrowbandCallRatesAbout4Point4() {
    assertThat(MosEstimate.rating(0, 0, 0, 25.1)).isEqualTo(93.2);
    assertThat(MosEstimate.mos(0, 0, "PCMU")).isCloseTo(4.41, within(0.01));
  }

  @Test
  void lossCostsThroughTheEffectiveEquipmentImpairment() {
    // Ie,eff = 95 * 5 / (5 + 25.1) = 15.78; R = 93.2 - 0.024 * 50 - 15.78 = 76.22
    assertThat(MosEstimate.rating(50, 5, 0, 25.1)).isCloseTo(76.22, within(0.01));
    assertThat(MosEstimate.mos(76.22)).isCloseTo(3.88, within(0.01));
  }

  @Test
  void delayPastTheKneeCostsMore() {
    double knee = MosEstimate.rating(177.3, 0, 0, 25.1);
    double past = MosEstimate.rating(277.3, 0, 0, 25.1);
    assertThat(knee - past).isCloseTo(100 * (0.024 + 0.11), within(1e-9));
  }

  @Test
  void theScaleIsClampedToOneAndFourPointFive() {
    assertThat(MosEstimate.mos(-5)).isEqualTo(1);
    assertThat(MosEstimate.mos(120)).isEqualTo(4.5);
    assertThat(MosEstimate.mos(1000, 100, "PCMU")).isEqualTo(1);
  }
}
