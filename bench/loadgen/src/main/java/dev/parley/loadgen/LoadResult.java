package dev.parley.loadgen;

import dev.parley.loadgen.media.Call;
import dev.parley.loadgen.media.RtpSender;
import dev.parley.loadgen.media.Tones;
import dev.parley.loadgen.report.CpuSnapshot;
import dev.parley.loadgen.report.Histogram;
import dev.parley.loadgen.report.ToneCheck;
import dev.parley.loadgen.sip.UacCall;
import dev.parley.testkit.G711;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run measured, per call and in total. Built once every thread of the run has ended, so it
 * reads their counters without synchronisation; immutable from then on.
 */
public final class LoadResult {

  private static final long PTIME_NANOS = 20_000_000;

  public final LoadOptions options;
  public final List<Call> calls;
  public final List<UacCall> sip;
  public final long windowNanos;
  public final long serverPid;
  private final CpuSnapshot before;
  private final CpuSnapshot after;
  private final List<RtpSender> senders;
  private final Map<Integer, ToneCheck.Result> toneResults = new LinkedHashMap<>();
  private final Histogram jitter = new Histogram(100_000, 1000);
  private final Histogram setup = new Histogram(1_000_000, 10_000);

  LoadResult(LoadOptions options, List<Call> calls, List<UacCall> sip, List<RtpSender> senders, CpuSnapshot before,
      CpuSnapshot after, long serverPid) {
    this.options = options;
    this.calls = List.copyOf(calls);
    this.sip = List.copyOf(sip);
    this.senders = List.copyOf(senders);
    this.before = before;
    this.after = after;
    this.serverPid = serverPid;
    this.windowNanos = after.nanoTime() - before.nanoTime();
    for (Call c : calls) jitter.addAll(c.jitter());
    for (UacCall s : sip) if (s.answered()) setup.record(s.setupNanos);
    if (options.audio() == LoadOptions.Audio.TONE && toneCheckApplies()) checkTones();
  }

  /** Tones tell members apart only while a room has no more talkers than distinct tones. */
  public boolean toneCheckApplies() {
    return options.talkersPerRoom() <= Tones.distinct();
  }

  private void checkTones() {
    for (Call c : calls) {
      if (c.captured() == null || !sip.get(c.index).answered()) continue;
      short[] pcm = new short[c.capturedLength()];
      for (int i = 0; i < pcm.length; i++) pcm[i] = G711.ulawToLinear(c.captured()[i]);
      List<Integer> mates = new ArrayList<>();
      for (Call m : calls) {
        if (m.room == c.room && m != c && options.talks(m.index) && sip.get(m.index).answered()) {
          mates.add(Tones.frequencyHz(m.indexInRoom));
        }
      }
      int own = options.talks(c.index) ? Tones.frequencyHz(c.indexInRoom) : 0;
      int[] mateHz = mates.stream().mapToInt(Integer::intValue).toArray();
      toneResults.put(c.index, ToneCheck.check(pcm, pcm.length, own, mateHz, options.expect()));
    }
  }

  public long answered() {
    return sip.stream().filter(UacCall::answered).count();
  }

  public long failed() {
    return sip.size() - answered();
  }

  /** Answered calls whose BYE got a final response. */
  public long endedCleanly() {
    return sip.stream().filter(UacCall::byeAnswered).count();
  }

  public long endedByRemote() {
    return sip.stream().filter(UacCall::endedByRemote).count();
  }

  public Histogram setupTimes() {
    return setup;
  }

  /** Packets each answered call should have received in the window: one per 20 ms. */
  public long expectedPerCall() {
    return windowNanos / PTIME_NANOS;
  }

  public long expectedTotal() {
    return expectedPerCall() * answered();
  }

  public long receivedInWindow() {
    return calls.stream().mapToLong(Call::receivedInWindow).sum();
  }

  /** Loss of call {@code c} in the window, in %: negative when the edges of the window gave one extra. */
  public double lossPercent(Call c) {
    long e = expectedPerCall();
    return e == 0 ? 0 : 100.0 * (e - c.receivedInWindow()) / e;
  }

  public double lossPercent() {
    long e = expectedTotal();
    return e == 0 ? 0 : 100.0 * (e - receivedInWindow()) / e;
  }

  public long sent() {
    return calls.stream().mapToLong(Call::sent).sum();
  }

  public long sendErrors() {
    return calls.stream().mapToLong(Call::sendErrors).sum();
  }

  public long seqGaps() {
    return calls.stream().mapToLong(Call::seqGaps).sum();
  }

  /** Packets the sequence numbers of the window say were sent to answered calls. */
  public long expectedBySequence() {
    return calls.stream().filter(c -> sip.get(c.index).answered()).mapToLong(Call::expectedBySequence).sum();
  }

  public long lostBySequence() {
    return calls.stream().filter(c -> sip.get(c.index).answered()).mapToLong(Call::lostBySequence).sum();
  }

  /**
   * Loss at the receivers as RFC 3550 A.3 (and so every RTCP receiver report) defines it: expected from
   * the sequence numbers, minus received. Unlike {@link #lossPercent()} it does not count a packet the
   * generator read after the window closed, which on a machine shared with the target is mostly the
   * generator's own lateness (its jitter figure shows that).
   */
  public double lossBySequencePercent() {
    long e = expectedBySequence();
    return e == 0 ? 0 : 100.0 * lostBySequence() / e;
  }

  /** Answered calls that received less than half the window's packets: a stream that stopped shows here. */
  public long shortCalls() {
    long half = expectedPerCall() / 2;
    return calls.stream().filter(c -> sip.get(c.index).answered() && c.receivedInWindow() < half).count();
  }

  public long seqMissing() {
    return calls.stream().mapToLong(Call::seqMissing).sum();
  }

  public long seqLateOrDuplicate() {
    return calls.stream().mapToLong(Call::seqLateOrDuplicate).sum();
  }

  public Histogram jitter() {
    return jitter;
  }

  public Map<Integer, ToneCheck.Result> toneResults() {
    return toneResults;
  }

  public long tonePasses() {
    return toneResults.values().stream().filter(ToneCheck.Result::pass).count();
  }

  public long toneFailures() {
    return toneResults.size() - tonePasses();
  }

  /** The generator's CPU over the window, in % of one core. */
  public double generatorCpuPercent() {
    return before.percentOfOneCore(before.selfTicks(), after.selfTicks(), after);
  }

  public long sentInWindow() {
    return senders.stream().mapToLong(RtpSender::sentInWindow).sum();
  }

  /**
   * The generator's CPU per packet it handled in the window (sent plus received), in µs: unlike the
   * CPU share, this does not drop when a starved generator sends less, so it extrapolates.
   */
  public double generatorMicrosPerPacket() {
    long packets = sentInWindow() + receivedInWindow();
    return packets == 0 ? Double.NaN : generatorCpuPercent() / 100 * (windowNanos / 1e3) / packets;
  }

  /** The generator's threads that used CPU in the window, by name, in % of one core. */
  public Map<String, Double> generatorThreads() {
    Map<String, Double> out = new LinkedHashMap<>();
    after.selfThreads().forEach((name, ticks) -> {
      Long was = before.selfThreads().get(name);
      double pct = before.percentOfOneCore(was == null ? 0 : was, ticks, after);
      String shortName = name.substring(0, name.lastIndexOf('#'));
      if (pct > 0) out.merge(shortName, pct, Double::sum);
    });
    return out;
  }

  /** The target's CPU over the window in % of one core, NaN if it is not known. */
  public double serverCpuPercent() {
    return before.percentOfOneCore(before.serverTicks(), after.serverTicks(), after);
  }

  /** The target's resident memory at the end of the window, in KiB, or -1. */
  public long serverRssKib() {
    return after.serverRssKib();
  }

  public long senderLateSlots() {
    return senders.stream().mapToLong(RtpSender::lateOver2Ms).sum();
  }

  public long senderSlots() {
    return senders.stream().mapToLong(RtpSender::slotTicks).sum();
  }

  /**
   * Whether the generator itself fell behind in the window: more than 5 % of its send slots over 2 ms
   * late, or one more than a whole packet time (20 ms) late. A few late slots are the normal noise
   * of a JVM on a shared machine; past this the loss and jitter figures describe the generator.
   */
  public boolean generatorWasLate() {
    long slots = senderSlots();
    return slots > 0 && (senderLateSlots() * 20 > slots || senderMaxLateNanos() > PTIME_NANOS);
  }

  public long senderMaxLateNanos() {
    return senders.stream().mapToLong(RtpSender::maxLateNanos).max().orElse(0);
  }
}
