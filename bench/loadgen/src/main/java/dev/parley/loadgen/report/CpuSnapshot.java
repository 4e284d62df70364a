package dev.parley.loadgen.report;

import java.util.Map;

/**
 * CPU counters of this process (total and per thread) and of the target process at one instant, so
 * that two snapshots give the CPU used in between, and the target's resident memory (KiB). Ticks and
 * memory are -1 for a process that is not known.
 */
public record CpuSnapshot(long nanoTime, long selfTicks, Map<String, Long> selfThreads, long serverTicks, long serverRssKib) {

  public static CpuSnapshot take(long serverPid) {
    return new CpuSnapshot(System.nanoTime(), ProcStat.cpuTicks("self"), ProcStat.threadTicks("self"),
        serverPid > 0 ? ProcStat.cpuTicks(Long.toString(serverPid)) : -1,
        serverPid > 0 ? ProcStat.rssKib(Long.toString(serverPid)) : -1);
  }

  /** CPU between {@code this} and {@code later}, in % of one core, from two tick counts. */
  public double percentOfOneCore(long ticksBefore, long ticksAfter, CpuSnapshot later) {
    if (ticksBefore < 0 || ticksAfter < 0) return Double.NaN;
    double seconds = (later.nanoTime - nanoTime) / 1e9;
    return 100.0 * (ticksAfter - ticksBefore) / ProcStat.TICKS_PER_SECOND / seconds;
  }
}
