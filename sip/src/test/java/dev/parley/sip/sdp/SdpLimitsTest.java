package dev.parley.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SdpLimitsTest {
  private static final String HEAD = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
      + "m=audio 30000 RTP/AVP 0\r\n";

  @Test
  void anOfferOfThousandsOfLinesIsRefusedBeforeAnyIsParsed() {
    String huge = HEAD + "a=x-filler\r\n".repeat(5_000);
    assertThatThrownBy(() -> SdpParser.parse(huge)).isInstanceOf(SdpException.class)
        .hasMessage("SDP line 501: more than 500 lines");
  }

  @Test
  void fiveHundredLinesWithTheirLastLineEndAreRead() throws SdpException {
    String full = HEAD + "a=x-filler\r\n".repeat(SdpParser.MAX_LINES - 6);
    assertThat(full.split("\r\n")).hasSize(SdpParser.MAX_LINES);
    assertThat(SdpParser.parse(full).media()).hasSize(1);
    assertThatThrownBy(() -> SdpParser.parse(full + "a=one-more\r\n")).isInstanceOf(SdpException.class);
  }
}
