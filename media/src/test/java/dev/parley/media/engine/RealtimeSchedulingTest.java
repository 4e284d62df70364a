package dev.parley.media.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * SCHED_FIFO for the media threads, checked where the kernel says it: the policy field of
 * {@code /proc/self/task/TID/stat}. As root (CI, these machines) the threads get it; where the user
 * may not, they must keep ordinary scheduling and the engine must still run.
 */
class RealtimeSchedulingTest {
  @Test
  void aThreadThatAsksRunsUnderFifoOrIsToldWhyNot() throws Exception {
    AtomicReference<Optional<String>> result = new AtomicReference<>();
    AtomicReference<Integer> policy = new AtomicReference<>();
    Thread t = Thread.ofPlatform().start(() -> {
      int before = RealtimeScheduling.currentPolicy();
      assertThat(before).as("an ordinary thread first").isZero();
      result.set(RealtimeScheduling.applyFifoToCurrentThread(3));
      policy.set(RealtimeScheduling.currentPolicy());
    });
    t.join(5000);
    if (result.get().isEmpty()) {
      assertThat(policy.get()).isEqualTo(RealtimeScheduling.SCHED_FIFO);
    } else {
      assertThat(result.get().get()).contains("EPERM");
      assertThat(policy.get()).isZero();
    }
    assertThat(RealtimeScheduling.currentPolicy()).as("the test thread itself is untouched").isZero();
  }

  @Test
  void refusesAPriorityOutsideOneTo99() {
    assertThatThrownBy(() -> RealtimeScheduling.applyFifoToCurrentThread(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RealtimeScheduling.applyFifoToCurrentThread(100)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MediaEngineConfig("127.0.0.1", 41800, 41899, 1, Duration.ofSeconds(5), 100))
        .hasMessageContaining("0-99");
  }

  @Test
  void theEnginesMediaThreadsGetThePolicyTheConfigAsks() throws Exception {
    boolean permitted = probe();
    try (MediaEngine engine = new MediaEngine(new MediaEngineConfig("127.0.0.1", 41800, 41899, 2, Duration.ofSeconds(5), 7))) {
      assertThat(awaitPolicies(permitted ? 1 : 0)).as("policy of parley-media-0 and -1 in /proc").containsExactly(
          permitted ? 1 : 0, permitted ? 1 : 0);
    }
    try (MediaEngine engine = new MediaEngine(new MediaEngineConfig("127.0.0.1", 41800, 41899, 1, Duration.ofSeconds(5)))) {
      assertThat(awaitPolicies(0)).as("realtime priority 0 leaves them alone").containsExactly(0);
    }
  }

  private static boolean probe() throws InterruptedException {
    AtomicReference<Boolean> ok = new AtomicReference<>(false);
    Thread t = Thread.ofPlatform().start(() -> ok.set(RealtimeScheduling.applyFifoToCurrentThread(1).isEmpty()));
    t.join(5000);
    return ok.get();
  }

  /** The policy (field 41 of stat) of every live parley-media thread, once all show {@code expected}. */
  private static java.util.List<Integer> awaitPolicies(int expected) throws Exception {
    java.util.List<Integer> policies = java.util.List.of();
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (System.nanoTime() < deadline) {
      policies = mediaThreadPolicies();
      if (!policies.isEmpty() && policies.stream().allMatch(p -> p == expected)) return policies;
      Thread.sleep(20);
    }
    return policies;
  }

  private static java.util.List<Integer> mediaThreadPolicies() throws IOException {
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      return tasks.filter(task -> comm(task).startsWith("parley-media-")).sorted()
          .map(RealtimeSchedulingTest::policy).toList();
    }
  }

  private static String comm(Path task) {
    try {
      return Files.readString(task.resolve("comm")).trim();
    } catch (IOException e) {
      return ""; // the thread ended meanwhile
    }
  }

  private static int policy(Path task) {
    try {
      String stat = Files.readString(task.resolve("stat"));
      // After "(comm)" the fields start at 3 (state); the policy is field 41.
      String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Integer.parseInt(rest[41 - 3]);
    } catch (IOException e) {
      return -1;
    }
  }
}
