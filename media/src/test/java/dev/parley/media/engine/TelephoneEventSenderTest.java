package dev.parley.media.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dial-string state machine, ticked at 20 ms with a free-running audio clock. */
class TelephoneEventSenderTest {
  private final TelephoneEventSender sender = new TelephoneEventSender(8000);
  private long audioTimestamp = 1000;

  /** One line per tick: "-" for audio, else "event ts duration flags". */
  private List<String> run(int ticks) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < ticks; i++) {
      if (sender.tick(160, audioTimestamp)) {
        out.add(sender.event() + " " + sender.timestamp() + " " + sender.durationSamples()
            + (sender.marker() ? " M" : "") + (sender.end() ? " E" : ""));
      } else {
        out.add("-");
      }
      audioTimestamp += 160;
    }
    return out;
  }

  @Test
  void aDigitIsOneHundredMillisecondsWithMarkerFirstAndTheEndSentThreeTimes() {
    sender.enqueue("1");
    assertThat(run(9)).containsExactly(
        "1 1000 160 M", "1 1000 320", "1 1000 480", "1 1000 640", "1 1000 800 E", "1 1000 800 E",
        "1 1000 800 E", "-", "-");
    assertThat(sender.busy()).isFalse();
  }

  @Test
  void digitsAreFiftyMillisecondsApartCountedFromTheEnd() {
    sender.enqueue("#5");
    List<String> ticks = run(16);
    // tone ends at tick 4; 50 ms later (tick 7, the first tick at or past it) the next key starts.
    assertThat(ticks.get(6)).isEqualTo("11 1000 800 E");
    assertThat(ticks.get(7)).isEqualTo("5 2120 160 M");
    assertThat(ticks.get(13)).isEqualTo("5 2120 800 E");
  }

  @Test
  void wAndCommaPauseHalfASecondAndCapitalWASecond() {
    assertThat(ticksBeforeTheKey("w1")).isEqualTo(25);
    assertThat(ticksBeforeTheKey(",2")).isEqualTo(25);
    assertThat(ticksBeforeTheKey("W3")).isEqualTo(50);
  }

  /** Plays {@code dial} to its end and returns the tick in which its key's first packet went. */
  private int ticksBeforeTheKey(String dial) {
    sender.enqueue(dial);
    List<String> ticks = run(80);
    assertThat(sender.busy()).isFalse();
    for (int i = 0; i < ticks.size(); i++) {
      if (ticks.get(i).endsWith(" M")) return i;
    }
    return -1;
  }

  @Test
  void digitsQueuedWhileSendingFollowTheOnesBefore() {
    sender.enqueue("1");
    run(3);
    sender.enqueue("2");
    List<String> ticks = run(20);
    assertThat(ticks.stream().filter(t -> t.endsWith(" M"))).hasSize(1).allMatch(t -> t.startsWith("2 "));
    assertThat(ticks.stream().filter(t -> t.startsWith("1 ") && t.endsWith(" E"))).hasSize(3);
  }

  @Test
  void clearStopsEverything() {
    sender.enqueue("123");
    run(2);
    sender.clear();
    assertThat(sender.busy()).isFalse();
    assertThat(run(10)).containsOnly("-");
  }

  @Test
  void onlyKeysAndPausesAreDialable() {
    for (char c : "0123456789*#ABCDabcdwW,".toCharArray()) assertThat(TelephoneEventSender.isDialable(c)).isTrue();
    for (char c : "xE+ p".toCharArray()) assertThat(TelephoneEventSender.isDialable(c)).as("'%s'", c).isFalse();
  }

  @Test
  void tickingAllocatesNothing() {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    sender.enqueue("1".repeat(20000));
    long sum = 0;
    for (int i = 0; i < 20_000; i++) sum += sender.tick(160, i * 160L) ? sender.durationSamples() : 0;
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 50_000; i++) sum += sender.tick(160, i * 160L) ? sender.durationSamples() : 0;
    assertThat(threads.getCurrentThreadAllocatedBytes() - before).isZero();
    assertThat(sum).isPositive();
  }
}
