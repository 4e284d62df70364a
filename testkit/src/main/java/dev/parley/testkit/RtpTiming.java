package dev.parley.testkit;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The timing of an RTP stream as a receiver saw it (packets from {@link RtpSink}, in arrival order):
 * the RFC 3550 §6.4.1 interarrival jitter (the running estimate, sampled at every packet; its mean
 * and maximum over the stream), the spread of the gaps between arrivals, and the sequence numbers
 * that never came.
 *
 * @param packets packets analysed
 * @param lost sequence numbers between the first and the last that did not arrive
 * @param meanJitterMs mean of the running RFC 3550 jitter estimate
 * @param maxJitterMs its largest value
 * @param p99GapMs 99th percentile of the time between two arrivals
 * @param maxGapMs the longest time between two arrivals
 */
public record RtpTiming(int packets, int lost, double meanJitterMs, double maxJitterMs, double p99GapMs, double maxGapMs) {

    /** Analyses the G.711 packets (PT 0 and 8, on the 8000 Hz clock) among {@code packets}. */
    public static RtpTiming ofG711(List<RtpSink.Packet> packets) {
        return of(packets.stream().filter(p -> p.payloadType() == G711.PT_PCMU || p.payloadType() == G711.PT_PCMA).toList(),
                8000);
    }

    /** Analyses {@code audio}, one stream on a clock of {@code clockHz}. */
    public static RtpTiming of(List<RtpSink.Packet> audio, int clockHz) {
        int n = audio.size();
        if (n < 2) return new RtpTiming(n, 0, 0, 0, 0, 0);
        double jitter = 0, sumJitter = 0, maxJitter = 0;
        double[] gaps = new double[n - 1];
        long firstSeq = audio.getFirst().sequence(), highest = 0;
        BitSet seen = new BitSet();
        for (int i = 0; i < n; i++) {
            RtpSink.Packet p = audio.get(i);
            long seq = unwrap(firstSeq, p.sequence());
            if (seq >= 0 && seq < 1 << 20) seen.set((int) seq);
            highest = Math.max(highest, seq);
            if (i == 0) continue;
            RtpSink.Packet q = audio.get(i - 1);
            double arrivalMs = (p.arrivalNanos() - q.arrivalNanos()) / 1e6;
            double tsMs = (int) (p.timestamp() - q.timestamp()) * 1000.0 / clockHz;
            double d = Math.abs(arrivalMs - tsMs);
            jitter += (d - jitter) / 16;
            sumJitter += jitter;
            maxJitter = Math.max(maxJitter, jitter);
            gaps[i - 1] = arrivalMs;
        }
        Arrays.sort(gaps);
        int lost = (int) Math.max(0, highest + 1 - seen.cardinality());
        return new RtpTiming(n, lost, sumJitter / (n - 1), maxJitter, gaps[(int) Math.floor(0.99 * (gaps.length - 1))],
                gaps[gaps.length - 1]);
    }

    /** Sequence number relative to the first, across one wrap (a window of under 65536 packets). */
    private static long unwrap(long first, int seq) {
        return (seq - first) & 0xffff;
    }

    @Override
    public String toString() {
        return String.format("%d packets, %d lost, RFC 3550 jitter mean %.2f ms max %.2f ms, gap p99 %.1f ms max %.1f ms",
                packets, lost, meanJitterMs, maxJitterMs, p99GapMs, maxGapMs);
    }
}
