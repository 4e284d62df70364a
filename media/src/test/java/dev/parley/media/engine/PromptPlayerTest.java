package dev.parley.media.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.media.audio.Prompt;
import org.junit.jupiter.api.Test;

class PromptPlayerTest {
  private static Prompt constant(String name, int value, int length) {
    short[] s = new short[length];
    java.util.Arrays.fill(s, (short) value);
    return new Prompt(name, 8000, s);
  }

  @Test
  void playsASequenceThenReportsTheEndOnceAndFillsSilence() {
    PromptPlayer p = new PromptPlayer();
    p.start(new Prompt[] {constant("a", 1, 3), constant("b", 2, 2)}, false, "t");
    short[] out = new short[4];
    assertThat(p.read(out, 4)).isFalse();
    assertThat(out).containsExactly(1, 1, 1, 2);
    assertThat(p.read(out, 4)).isTrue();
    assertThat(out).containsExactly(2, 0, 0, 0);
    assertThat(p.active()).isFalse();
    assertThat(p.read(out, 4)).isFalse();
    assertThat(out).containsExactly(0, 0, 0, 0);
  }

  @Test
  void loopsTheLastPromptForever() {
    PromptPlayer p = new PromptPlayer();
    p.start(new Prompt[] {constant("alone", 7, 2), constant("music", 3, 3)}, true, "alone");
    short[] out = new short[10];
    assertThat(p.read(out, 10)).isFalse();
    assertThat(out).containsExactly(7, 7, 3, 3, 3, 3, 3, 3, 3, 3);
    for (int i = 0; i < 100; i++) assertThat(p.read(out, 10)).isFalse();
    assertThat(p.active()).isTrue();
  }
}
