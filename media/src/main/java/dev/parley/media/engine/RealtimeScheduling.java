package dev.parley.media.engine;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.Optional;

/**
 * Real-time scheduling of the calling thread on Linux ({@code sched_setscheduler(2)} with
 * {@code SCHED_FIFO}, through the FFM API), as FreeSWITCH's {@code -rp} and Asterisk's {@code -p} do
 * for their media threads.
 *
 * <p>Why: on a busy machine an ordinary thread that wakes for its 20 ms tick waits behind whatever
 * else the scheduler runs first, and every such wait shows as jitter in every member's stream of that
 * worker. A {@code SCHED_FIFO} thread runs as soon as it wakes. A media worker sleeps to its next
 * tick, so it cannot hold a core on its own, and Linux keeps 5 % of every second for other threads
 * anyway ({@code kernel.sched_rt_runtime_us}). It needs root or {@code CAP_SYS_NICE}; without them
 * the call fails with {@code EPERM} and the thread keeps its ordinary scheduling.
 */
public final class RealtimeScheduling {
  /** {@code SCHED_FIFO} in {@code <sched.h>} on Linux. */
  static final int SCHED_FIFO = 1;
  /** {@code EPERM}. */
  static final int EPERM = 1;

  private static final Linker LINKER = Linker.nativeLinker();
  /** What {@code captureCallState("errno")} writes, and the handle that reads errno out of it. */
  private static final MemoryLayout CALL_STATE = Linker.Option.captureStateLayout();
  private static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

  private RealtimeScheduling() {}

  /**
   * Puts the calling thread under {@code SCHED_FIFO} at {@code priority}.
   *
   * @param priority 1 (lowest) to 99
   * @return empty on success, else why not (the errno or the missing function)
   */
  public static Optional<String> applyFifoToCurrentThread(int priority) {
    if (priority < 1 || priority > 99) throw new IllegalArgumentException("SCHED_FIFO priority 1-99: " + priority);
    Optional<MethodHandle> set = function("sched_setscheduler",
        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS),
        Linker.Option.captureCallState("errno"));
    if (set.isEmpty()) return Optional.of("sched_setscheduler is not available on this system");
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment param = arena.allocate(ValueLayout.JAVA_INT); // struct sched_param { int sched_priority; }
      param.set(ValueLayout.JAVA_INT, 0, priority);
      MemorySegment state = arena.allocate(CALL_STATE);
      int rc = (int) set.get().invokeExact(state, 0, SCHED_FIFO, param); // pid 0: the calling thread
      if (rc == 0) return Optional.empty();
      int errno = (int) ERRNO.get(state, 0L);
      return Optional.of(errno == EPERM
          ? "not permitted (EPERM: needs root or CAP_SYS_NICE)"
          : "sched_setscheduler failed with errno " + errno);
    } catch (Throwable e) {
      return Optional.of("sched_setscheduler could not be called: " + e);
    }
  }

  /** The scheduling policy of the calling thread ({@link #SCHED_FIFO}, 0 for ordinary), or -1. */
  public static int currentPolicy() {
    Optional<MethodHandle> get = function("sched_getscheduler",
        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    if (get.isEmpty()) return -1;
    try {
      return (int) get.get().invokeExact(0);
    } catch (Throwable e) {
      return -1;
    }
  }

  private static Optional<MethodHandle> function(String name, FunctionDescriptor descriptor, Linker.Option... options) {
    return LINKER.defaultLookup().find(name).map(address -> LINKER.downcallHandle(address, descriptor, options));
  }
}
