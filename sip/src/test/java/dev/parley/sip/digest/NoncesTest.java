package dev.parley.sip.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.sip.testing.FakeClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NoncesTest {
  private final FakeClock clock = new FakeClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final Nonces nonces = new Nonces(clock, Duration.ofMinutes(5));

  @Test
  void freshNonceIsValidAndEveryNonceIsNew() {
    String n = nonces.issue();
    assertThat(nonces.check(n)).isEqualTo(Nonces.Verdict.VALID);
    assertThat(nonces.issue()).isNotEqualTo(n);
  }

  @Test
  void nonceOlderThanItsLifetimeIsStale() {
    String n = nonces.issue();
    clock.advance(Duration.ofMinutes(5));
    assertThat(nonces.check(n)).isEqualTo(Nonces.Verdict.VALID);
    clock.advance(Duration.ofMillis(1));
    assertThat(nonces.check(n)).isEqualTo(Nonces.Verdict.STALE);
  }

  @Test
  void alteredForeignOrMalformedNoncesAreInvalid() {
    String n = nonces.issue();
    // A middle character: every bit of it is data. The last one of unpadded base64 may carry unused
    // bits, and changing only those altered nothing (the test failed about one run in sixteen).
    int i = n.length() / 2;
    char c = n.charAt(i);
    String altered = n.substring(0, i) + (c == 'A' ? 'B' : 'A') + n.substring(i + 1);
    assertThat(nonces.check(altered)).isEqualTo(Nonces.Verdict.INVALID);
    assertThat(new Nonces(clock, Duration.ofMinutes(5)).check(n)).as("another instance's key").isEqualTo(Nonces.Verdict.INVALID);
    assertThat(nonces.check("not base64 !")).isEqualTo(Nonces.Verdict.INVALID);
    assertThat(nonces.check("")).isEqualTo(Nonces.Verdict.INVALID);
    assertThat(nonces.check(null)).isEqualTo(Nonces.Verdict.INVALID);
  }
}
