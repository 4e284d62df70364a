package dev.parley.server.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DtmfInfoTest {
  @Test
  void dtmfRelayBodiesGiveTheDigitAndItsDuration() {
    assertThat(DtmfInfo.parse("application/dtmf-relay", "Signal=5\r\nDuration=160\r\n"))
        .isEqualTo(new DtmfInfo.Digit('5', 160));
    assertThat(DtmfInfo.parse("Application/DTMF-Relay; charset=utf-8", "signal= #\nduration=250"))
        .isEqualTo(new DtmfInfo.Digit('#', 250));
    assertThat(DtmfInfo.parse("application/dtmf-relay", "Signal=10\r\n")).isEqualTo(new DtmfInfo.Digit('*', 160));
  }

  @Test
  void applicationDtmfIsTheDigitAlone() {
    assertThat(DtmfInfo.parse("application/dtmf", "7\r\n")).isEqualTo(new DtmfInfo.Digit('7', 160));
    assertThat(DtmfInfo.parse("application/dtmf", "b")).isEqualTo(new DtmfInfo.Digit('B', 160));
  }

  @Test
  void anythingElseIsNoDigit() {
    assertThat(DtmfInfo.parse("application/dtmf-relay", "Signal=X")).isNull();
    assertThat(DtmfInfo.parse("application/dtmf-relay", "")).isNull();
    assertThat(DtmfInfo.parse("text/plain", "Signal=5")).isNull();
    assertThat(DtmfInfo.parse(null, "5")).isNull();
    assertThat(DtmfInfo.parse("application/dtmf", "55")).isNull();
    assertThat(DtmfInfo.parse("application/dtmf-relay", "Signal=5\nDuration=99999999999"))
        .isEqualTo(new DtmfInfo.Digit('5', 160));
  }

  @Test
  void randomBodiesNeverThrow() {
    Random r = new Random(4733);
    for (int i = 0; i < 20_000; i++) {
      byte[] b = new byte[r.nextInt(64)];
      r.nextBytes(b);
      String body = new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
      DtmfInfo.parse(r.nextBoolean() ? "application/dtmf-relay" : "application/dtmf", body);
      DtmfInfo.parse("application/dtmf-relay", "Signal=" + body);
    }
  }
}
