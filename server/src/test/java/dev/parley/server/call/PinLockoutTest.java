package dev.parley.server.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import dev.parley.server.testing.HandClock;
import org.junit.jupiter.api.Test;

class PinLockoutTest {
  @Test
  void aSourceIsLockedOutAfterTooManyFailuresAndLetInAgainLater() {
    HandClock clock = new HandClock(Instant.parse("2026-12-01T10:00:00Z"));
    PinLockout l = new PinLockout(3, Duration.ofMinutes(10), Duration.ofMinutes(15), clock);
    assertThat(l.failed("10.0.0.1")).isFalse();
    assertThat(l.failed("10.0.0.1")).isFalse();
    assertThat(l.lockedOut("10.0.0.1")).isFalse();
    assertThat(l.failed("10.0.0.1")).isTrue();
    assertThat(l.lockedOut("10.0.0.1")).isTrue();
    assertThat(l.lockedOut("10.0.0.2")).as("other sources are not affected").isFalse();
    clock.now = clock.now.plus(Duration.ofMinutes(16));
    assertThat(l.lockedOut("10.0.0.1")).isFalse();
  }

  @Test
  void failuresOutsideTheWindowAreForgotten() {
    HandClock clock = new HandClock(Instant.parse("2026-12-01T10:00:00Z"));
    PinLockout l = new PinLockout(3, Duration.ofMinutes(10), Duration.ofMinutes(15), clock);
    l.failed("a");
    l.failed("a");
    clock.now = clock.now.plus(Duration.ofMinutes(11));
    assertThat(l.failed("a")).isFalse();
    assertThat(l.lockedOut("a")).isFalse();
  }

  @Test
  void aFloodFromManyAddressesStaysBoundedAndKeepsTheLockedOutSource() {
    HandClock clock = new HandClock(Instant.parse("2026-12-01T10:00:00Z"));
    PinLockout l = new PinLockout(2, Duration.ofMinutes(10), Duration.ofMinutes(15), clock);
    l.failed("attacker");
    l.failed("attacker");
    assertThat(l.lockedOut("attacker")).isTrue();
    clock.now = clock.now.plus(Duration.ofMinutes(1));
    for (int i = 0; i < PinLockout.MAX_SOURCES * 2; i++) l.failed("10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255));
    assertThat(l.size()).isLessThanOrEqualTo(PinLockout.MAX_SOURCES);
    assertThat(l.lockedOut("attacker")).as("its lockout outlives the sources that only failed once").isTrue();
  }

  @Test
  void sourcesWithNothingRecentAreForgottenFirst() {
    HandClock clock = new HandClock(Instant.parse("2026-12-01T10:00:00Z"));
    PinLockout l = new PinLockout(3, Duration.ofMinutes(10), Duration.ofMinutes(15), clock);
    for (int i = 0; i < PinLockout.MAX_SOURCES; i++) l.failed("old-" + i);
    clock.now = clock.now.plus(Duration.ofMinutes(11));
    l.failed("new");
    assertThat(l.size()).as("the stale ones are gone, the new one stays").isEqualTo(1);
  }
}
