package dev.parley.loadgen.report;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time and memory of a process (or of this one) from Linux {@code /proc}: {@code utime + stime}
 * of {@code /proc/PID/stat} in clock ticks, per process and per thread, and {@code VmRSS}.
 *
 * <p>Ticks are taken as 1/100 s ({@code USER_HZ}, which is 100 on every mainstream Linux build;
 * {@code getconf CLK_TCK} would say otherwise). A process that is gone reads as -1.
 */
public final class ProcStat {

  public static final int TICKS_PER_SECOND = 100;

  private ProcStat() {}

  /** {@code utime + stime} of {@code pid} (use {@code "self"} for this process), or -1. */
  public static long cpuTicks(String pid) {
    return ticksOf(Path.of("/proc", pid, "stat"));
  }

  /** Thread name ({@code comm}) + tid to ticks, for every thread of {@code pid}. */
  public static Map<String, Long> threadTicks(String pid) {
    Map<String, Long> out = new LinkedHashMap<>();
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", pid, "task"))) {
      for (Path t : tasks) {
        long ticks = ticksOf(t.resolve("stat"));
        if (ticks < 0) continue;
        String name;
        try {
          name = Files.readString(t.resolve("comm")).strip();
        } catch (IOException e) {
          continue;
        }
        out.put(name + "#" + t.getFileName(), ticks);
      }
    } catch (IOException e) {
      // the process is gone: no threads
    }
    return out;
  }

  /** Resident set size in KiB, or -1. */
  public static long rssKib(String pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
        if (line.startsWith("VmRSS:")) return Long.parseLong(line.substring(6).strip().split("\\s+")[0]);
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  /** The utime + stime of a {@code stat} line: fields 14 and 15, counted after the {@code (comm)}. */
  static long parseTicks(String statLine) {
    int close = statLine.lastIndexOf(')');
    if (close < 0) throw new IllegalArgumentException("no (comm) in " + statLine);
    String[] f = statLine.substring(close + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }

  private static long ticksOf(Path stat) {
    try {
      return parseTicks(Files.readString(stat));
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
