package dev.parley.sip.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.sip.SipGuard;
import org.junit.jupiter.api.Test;

class UserAgentFilterTest {
  private final UserAgentFilter filter = new UserAgentFilter(SipGuard.SCANNER_USER_AGENTS);

  @Test
  void knownScannersAreRefusedWhateverTheirCase() {
    assertThat(filter.refuses("friendly-scanner")).isTrue();
    assertThat(filter.refuses("SIPVicious 0.3.4")).isTrue();
    assertThat(filter.refuses("sipcli/v1.8")).isTrue();
    assertThat(filter.refuses("VaxSIPUserAgent/3.1")).isTrue();
  }

  @Test
  void phonesAndMissingHeadersPass() {
    assertThat(filter.refuses("baresip v1.0.0 (x86_64/linux)")).isFalse();
    assertThat(filter.refuses("Linphone/5.1.65")).isFalse();
    assertThat(filter.refuses(null)).isFalse();
    assertThat(new UserAgentFilter(java.util.List.of(" ")).refuses("anything")).isFalse();
  }
}
