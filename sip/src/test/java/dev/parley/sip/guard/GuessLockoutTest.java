package dev.parley.sip.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.sip.testing.FakeClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GuessLockoutTest {
  private final FakeClock clock = new FakeClock(Instant.parse("2026-01-01T00:00:00Z"));

  @Test
  void theLimitthFailureWithinTheWindowLocksTheSourceOutForTheLockout() {
    GuessLockout l = new GuessLockout(3, Duration.ofMinutes(10), Duration.ofMinutes(15), clock);
    assertThat(l.failed("10.0.0.9")).isFalse();
    assertThat(l.failed("10.0.0.9")).isFalse();
    assertThat(l.lockedOut("10.0.0.9")).isFalse();
    assertThat(l.failed("10.0.0.9")).isTrue();
    assertThat(l.lockedOut("10.0.0.9")).isTrue();
    assertThat(l.lockedOut("10.0.0.10")).as("another source").isFalse();
    clock.advance(Duration.ofMinutes(15));
    assertThat(l.lockedOut("10.0.0.9")).isFalse();
  }

  @Test
  void failuresOlderThanTheWindowDoNotCount() {
    GuessLockout l = new GuessLockout(3, Duration.ofMinutes(10), Duration.ofMinutes(15), clock);
    l.failed("a");
    l.failed("a");
    clock.advance(Duration.ofMinutes(11));
    assertThat(l.failed("a")).isFalse();
    assertThat(l.lockedOut("a")).isFalse();
  }

  @Test
  void guessersFromManyAddressesCannotGrowTheTableWithoutBound() {
    GuessLockout l = new GuessLockout(2, Duration.ofMinutes(1), Duration.ofMinutes(15), clock);
    l.failed("locked");
    l.failed("locked");
    for (int i = 0; i < 3 * GuessLockout.MAX_SOURCES; i++) {
      l.failed("s" + i);
      clock.advance(Duration.ofMillis(10)); // 5 minutes in all: the lockout still runs
    }
    assertThat(l.lockedOut("locked")).as("a locked source is kept while the lockout lasts").isTrue();
    assertThat(l.sources()).isLessThanOrEqualTo(GuessLockout.MAX_SOURCES);
  }
}
