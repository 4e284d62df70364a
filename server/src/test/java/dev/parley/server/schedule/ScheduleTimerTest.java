package dev.parley.server.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.testing.HandClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The timer's plan, driven by a clock the test moves; the thread is never started. */
class ScheduleTimerTest {
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  /** Records what fired, as "start 4100". */
  private static final class Recorder implements ScheduleActions {
    final List<String> fired = new ArrayList<>();

    @Override
    public void start(Schedule s) {
      fired.add("start " + s.room());
    }

    @Override
    public void warn(Schedule s) {
      fired.add("warn " + s.room());
    }

    @Override
    public void end(Schedule s) {
      fired.add("end " + s.room());
    }
  }

  private final HandClock clock = new HandClock(T0);
  private final ScheduleBook book = new ScheduleBook(new MemorySchedules(), clock, d -> {});
  private final Recorder actions = new Recorder();
  private final ScheduleTimer timer = new ScheduleTimer(book, actions, clock);

  private Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  @Test
  void aScheduleStartsWarnsAndEndsEachOnceAtItsMoments() {
    book.create(Schedules.of(at(60), at(960))); // 10:01 to 10:16, warning 5 minutes before
    assertThat(timer.fireDue(clock.now)).isEqualTo(at(60));
    clock.now = at(59);
    assertThat(timer.fireDue(clock.now)).isEqualTo(at(60));
    assertThat(actions.fired).isEmpty();
    clock.now = at(60);
    assertThat(timer.fireDue(clock.now)).as("next: the warning").isEqualTo(at(660));
    clock.now = at(61);
    timer.fireDue(clock.now);
    assertThat(actions.fired).containsExactly("start 4100");
    clock.now = at(660);
    assertThat(timer.fireDue(clock.now)).isEqualTo(at(960));
    clock.now = at(960);
    assertThat(timer.fireDue(clock.now)).as("nothing left").isNull();
    clock.now = at(2000);
    timer.fireDue(clock.now);
    assertThat(actions.fired).containsExactly("start 4100", "warn 4100", "end 4100");
  }

  @Test
  void aScheduleAlreadyRunningWhenTheServerStartsIsStartedAtOnceAndOneOverIsLeftAlone() {
    book.create(Schedules.of("4100", at(60), at(960), Schedules.ANN));
    book.create(Schedules.of("4200", at(60), at(120), Schedules.ANN));
    clock.now = at(500);
    ScheduleTimer fresh = new ScheduleTimer(book, actions, clock);
    fresh.fireDue(clock.now);
    assertThat(actions.fired).containsExactly("start 4100");
  }

  @Test
  void deletingARunningScheduleEndsItsRoomAndMovingItsEndWarnsAgain() {
    Schedule s = book.create(Schedules.of(at(0), at(600)));
    Schedule other = book.create(Schedules.of("4200", at(0), at(600), Schedules.ANN));
    clock.now = at(400); // past the warning moment of 300
    timer.fireDue(clock.now);
    assertThat(actions.fired).containsExactly("start 4100", "warn 4100", "start 4200", "warn 4200");
    actions.fired.clear();
    book.replace(s.id(), Schedules.of(at(0), at(1200)));
    assertThat(timer.fireDue(clock.now)).as("the other's end comes first").isEqualTo(at(600));
    assertThat(actions.fired).as("not dialled again").isEmpty();
    book.delete(other.id());
    assertThat(timer.fireDue(clock.now)).as("the new warning").isEqualTo(at(900));
    assertThat(actions.fired).containsExactly("end 4200");
    clock.now = at(900);
    timer.fireDue(clock.now);
    assertThat(actions.fired).containsExactly("end 4200", "warn 4100");
  }

  @Test
  void aScheduleWithoutAWarningOnlyStartsAndEnds() {
    Schedule s = Schedules.of(at(0), at(100));
    book.create(new Schedule(null, s.room(), "", s.start(), s.end(), s.participants(), java.time.Duration.ZERO,
        s.joinEarly(), 0, s.retryDelay(), false));
    timer.fireDue(clock.now);
    clock.now = at(100);
    timer.fireDue(clock.now);
    assertThat(actions.fired).containsExactly("start 4100", "end 4100");
  }
}
