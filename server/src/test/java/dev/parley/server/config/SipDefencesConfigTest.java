package dev.parley.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SipDefencesConfigTest {

    @Test
    void byDefaultASourceIsLimitedAndScannersAreRefused() throws ConfigException {
        SipDefences d = ConfigLoader.loadDefault().sip().defences();

        assertThat(d.rateLimit()).isEqualTo(20);
        assertThat(d.rateBurst()).isEqualTo(100);
        assertThat(d.retryAfter()).isEqualTo(Duration.ofSeconds(5));
        assertThat(d.refuseUserAgents()).contains("friendly-scanner", "sipvicious", "sipcli", "vaxsipuseragent");
        assertThat(d.digestAlgorithms()).containsExactly("MD5");
    }

    @Test
    void digestAlgorithmsAreReadInTheirOrderInUpperCase() throws ConfigException {
        SipDefences d = ConfigLoader.parse("sip: { digest-algorithms: [sha-256, md5] }", "parley.yaml", null)
                .sip().defences();
        assertThat(d.digestAlgorithms()).containsExactly("SHA-256", "MD5");
        assertThat(d.rateLimit()).isEqualTo(20);
    }

    @Test
    void eachKeyOverridesItsDefaultAlone() throws ConfigException {
        SipDefences d = ConfigLoader.parse("""
                sip:
                  rate-limit: 0
                  refuse-user-agents: []
                """, "parley.yaml", null).sip().defences();

        assertThat(d.rateLimit()).isZero();
        assertThat(d.refuseUserAgents()).isEmpty();
        assertThat(d.rateBurst()).isEqualTo(100);

        SipDefences e = ConfigLoader.parse("sip: { rate-burst: 7, retry-after: 1m, refuse-user-agents: [EvilBot] }",
                "parley.yaml", null).sip().defences();
        assertThat(e.rateBurst()).isEqualTo(7);
        assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(1));
        assertThat(e.refuseUserAgents()).containsExactly("EvilBot");
        assertThat(e.rateLimit()).isEqualTo(20);
    }
}
