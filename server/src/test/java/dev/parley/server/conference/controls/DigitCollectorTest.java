package dev.parley.server.conference.controls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DigitCollectorTest {
  @Test
  void theTerminatorEndsTheEntryAndIsNotPartOfIt() {
    DigitCollector c = new DigitCollector(16, '#');
    assertThat(c.press('1')).isNull();
    assertThat(c.press('2')).isNull();
    assertThat(c.press('#')).isEqualTo("12");
  }

  @Test
  void reachingTheMaximumEndsTheEntry() {
    DigitCollector c = new DigitCollector(3, '#');
    c.press('1');
    c.press('2');
    assertThat(c.press('3')).isEqualTo("123");
  }

  @Test
  void justTheTerminatorIsAnEmptyEntry() {
    assertThat(new DigitCollector(4, '#').press('#')).isEmpty();
  }
}
