package dev.parley.server.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.config.ConfigException;
import dev.parley.server.config.ConfigLoader;
import dev.parley.sip.DigestRealm;
import dev.parley.sip.digest.DigestAlgorithm;
import org.junit.jupiter.api.Test;

class SipPoliciesTest {

    @Test
    void theRealmChallengesWithTheConfiguredDigestAlgorithmsInTheirOrder() throws ConfigException {
        DigestRealm byDefault = SipPolicies.from(ConfigLoader.loadDefault()).realm();
        assertThat(byDefault.offered()).containsExactly(DigestAlgorithm.MD5);

        DigestRealm both = SipPolicies.from(ConfigLoader.parse("sip: { digest-algorithms: [sha-256, MD5] }",
                "parley.yaml", null)).realm();
        assertThat(both.offered()).containsExactly(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5);
    }

    @Test
    void theRealmLooksPasswordsUpInTheExtensions() throws ConfigException {
        DigestRealm realm = SipPolicies.from(ConfigLoader.parse("""
                extensions:
                  '1004': { password: 'pw-1004' }
                """, "parley.yaml", null)).realm();
        assertThat(realm.passwords().password("1004")).contains("pw-1004");
        assertThat(realm.passwords().password("1005")).isEmpty();
    }
}
