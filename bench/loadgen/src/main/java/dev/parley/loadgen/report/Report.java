package dev.parley.loadgen.report;

import dev.parley.loadgen.LoadResult;
import dev.parley.loadgen.media.Call;
import dev.parley.loadgen.sip.UacCall;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints a {@link LoadResult}: the summary table, and optionally one CSV line per call. */
public final class Report {

  private static final int FAILURES_LISTED = 5;

  private Report() {}

  public static void print(LoadResult r, PrintStream out) {
    var o = r.options;
    row(out, "calls", "%d in %d rooms of %d (%s), %d talking per room, audio %s; window %.1f s", r.calls.size(),
        o.rooms(), o.perRoom(), o.numberFormat(), o.talkersPerRoom(), o.audio().name().toLowerCase(Locale.ROOT),
        r.windowNanos / 1e9);
    Histogram s = r.setupTimes();
    row(out, "set up", "%d ok, %d failed; INVITE to 200: p50 %s, p99 %s, max %s", r.answered(), r.failed(),
        ms(s.percentileNanos(0.5)), ms(s.percentileNanos(0.99)), ms(s.maxNanos()));
    failures(r, out);
    row(out, "ended", "%d with BYE answered, %d by the far end", r.endedCleanly(), r.endedByRemote());
    row(out, "sent", "%d RTP packets over the run, %d send errors", r.sent(), r.sendErrors());
    row(out, "loss", "%.3f %% (RFC 3550: %d of %d packets the window's sequence numbers expect never came); "
        + "%d calls received under half the window", r.lossBySequencePercent(), r.lostBySequence(),
        r.expectedBySequence(), r.shortCalls());
    row(out, "received", "%d of %d expected in the window (%d per call): shortfall %.2f %% (includes what the "
        + "generator read late)", r.receivedInWindow(), r.expectedTotal(), r.expectedPerCall(), r.lossPercent());
    r.calls.stream().filter(c -> r.sip.get(c.index).answered()).max(Comparator.comparingDouble(r::lossPercent))
        .ifPresent(c -> row(out, "  worst call", "#%d (room %d): shortfall %.2f %%, jitter p99 %s", c.index, c.room,
            r.lossPercent(c), ms(c.jitter().percentileNanos(0.99))));
    row(out, "sequence", "%d gaps (%d packets missing), %d late or duplicate", r.seqGaps(), r.seqMissing(),
        r.seqLateOrDuplicate());
    Histogram j = r.jitter();
    row(out, "jitter", "p50 %s, p99 %s, max %s (|arrival step - timestamp step|, %d steps)", ms(j.percentileNanos(0.5)),
        ms(j.percentileNanos(0.99)), ms(j.maxNanos()), j.count());
    toneCheck(r, out);
    String threads = r.generatorThreads().entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(6)
        .map(e -> String.format("%s %.1f", e.getKey(), e.getValue())).collect(Collectors.joining(", "));
    row(out, "generator CPU", "%.1f %% of one core (%s)", r.generatorCpuPercent(), threads);
    row(out, "  per packet", "%.2f µs of CPU per packet sent or received (%d sent, %d received in the window)",
        r.generatorMicrosPerPacket(), r.sentInWindow(), r.receivedInWindow());
    row(out, "  pacing", "%d of %d send slots in the window started over 2 ms late; latest %s", r.senderLateSlots(),
        r.senderSlots(), ms(r.senderMaxLateNanos()));
    if (r.generatorWasLate()) {
      row(out, "  WARNING", "the generator did not keep time (CPU starved?): loss and jitter describe it, not the target");
    }
    if (r.serverPid > 0) {
      row(out, "target CPU", "pid %d: %.1f %% of one core (%d cores), RSS %d MiB", r.serverPid, r.serverCpuPercent(),
          Runtime.getRuntime().availableProcessors(), r.serverRssKib() / 1024);
    } else {
      row(out, "target CPU", "unknown (no --server-pid, and no other process owns UDP %d)", o.target().getPort());
    }
  }

  private static void failures(LoadResult r, PrintStream out) {
    Map<String, Long> reasons = r.sip.stream().filter(c -> !c.answered())
        .collect(Collectors.groupingBy(c -> c.failure == null ? "unknown" : c.failure, Collectors.counting()));
    reasons.entrySet().stream().limit(FAILURES_LISTED)
        .forEach(e -> row(out, "  failed", "%d x %s", e.getValue(), e.getKey()));
  }

  private static void toneCheck(LoadResult r, PrintStream out) {
    if (!r.toneCheckApplies() || r.options.audio() != dev.parley.loadgen.LoadOptions.Audio.TONE) {
      row(out, "tone check", "not run (needs audio tone and at most 10 talkers per room)");
      return;
    }
    String what = r.options.expect() == ToneCheck.Expect.MIX_MINUS ? "hears its room-mates, not itself" : "hears its own echo, no one else";
    row(out, "tone check", "%d pass, %d fail of %d calls checked (%s)", r.tonePasses(), r.toneFailures(),
        r.toneResults().size(), what);
    r.toneResults().entrySet().stream().filter(e -> !e.getValue().pass()).limit(FAILURES_LISTED)
        .forEach(e -> row(out, "  fails", "#%d: %s", e.getKey(), e.getValue().reason()));
  }

  /** One line per call: its SIP outcome, media counters and jitter. */
  public static void writeCsv(LoadResult r, Path file) throws IOException {
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
      w.println("call,room,index_in_room,answered,setup_ms,failure,sent,received_window,expected_window,shortfall_pct,"
          + "expected_by_seq,lost_by_seq,seq_gaps,seq_missing,late_or_dup,jitter_p50_ms,jitter_p99_ms,jitter_max_ms,tone_check");
      for (Call c : r.calls) {
        UacCall s = r.sip.get(c.index);
        ToneCheck.Result t = r.toneResults().get(c.index);
        w.printf(Locale.ROOT, "%d,%d,%d,%b,%.1f,%s,%d,%d,%d,%.2f,%d,%d,%d,%d,%d,%.2f,%.2f,%.2f,%s%n", c.index, c.room,
            c.indexInRoom, s.answered(), s.setupNanos / 1e6, s.failure == null ? "" : '"' + s.failure.replace('"', '\'') + '"',
            c.sent(), c.receivedInWindow(), r.expectedPerCall(), r.lossPercent(c), c.expectedBySequence(),
            c.lostBySequence(), c.seqGaps(), c.seqMissing(),
            c.seqLateOrDuplicate(), c.jitter().percentileNanos(0.5) / 1e6, c.jitter().percentileNanos(0.99) / 1e6,
            c.jitter().maxNanos() / 1e6, t == null ? "" : (t.pass() ? "pass" : "fail"));
      }
    }
  }

  private static String ms(long nanos) {
    return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
  }

  private static void row(PrintStream out, String label, String format, Object... args) {
    out.printf(Locale.ROOT, "%-16s %s%n", label, String.format(Locale.ROOT, format, args));
  }
}
