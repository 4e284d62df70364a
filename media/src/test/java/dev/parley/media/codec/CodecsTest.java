package dev.parley.media.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodecsTest {
  @Test
  void findsTheG711CodecsWhateverTheCase() {
    assertThat(Codecs.byName("PCMU")).isSameAs(PcmuCodec.INSTANCE);
    assertThat(Codecs.byName("pcmu")).isSameAs(PcmuCodec.INSTANCE);
    assertThat(Codecs.byName("PCMA")).isSameAs(PcmaCodec.INSTANCE);
    assertThat(Codecs.byName("pCmA")).isSameAs(PcmaCodec.INSTANCE);
  }

  @Test
  void unknownOrMissingNamesGiveNull() {
    assertThat(Codecs.byName("opus")).isNull();
    assertThat(Codecs.byName("telephone-event")).isNull();
    assertThat(Codecs.byName("PCMU/8000")).isNull();
    assertThat(Codecs.byName("")).isNull();
    assertThat(Codecs.byName(null)).isNull();
  }
}
