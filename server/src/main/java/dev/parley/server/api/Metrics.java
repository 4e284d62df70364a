package dev.parley.server.api;

import dev.parley.media.jitter.JitterStats;
import dev.parley.media.engine.MemberStats;
import dev.parley.media.engine.TickStats;
import dev.parley.media.rtcp.RtcpStats;
import dev.parley.server.conference.Conference;
import dev.parley.server.conference.Member;
import dev.parley.server.conference.Room;
import io.javalin.http.Context;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * {@code GET /metrics} in the Prometheus text format (version 0.0.4), written by hand from the
 * conference and the JVM's MX beans at each scrape. Aggregates only: no room names or callers, as
 * the endpoint needs no token.
 *
 * <p>The packet, loss and jitter figures cover the members present at the scrape, so they are
 * gauges: they fall when a member leaves.
 */
final class Metrics {
  private final Conference conference;
  private final IntSupplier calls;
  private final IntSupplier streamClients;
  private final List<TickStats> ticks;

  Metrics(Conference conference, IntSupplier calls, IntSupplier streamClients, List<TickStats> ticks) {
    this.conference = conference;
    this.calls = calls;
    this.streamClients = streamClients;
    this.ticks = ticks;
  }

  void handle(Context ctx) {
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(text());
  }

  String text() {
    int rooms = 0, members = 0, talking = 0;
    long received = 0, sent = 0, lost = 0, concealed = 0;
    double worstJitter = 0;
    RtcpFigures rtcp = new RtcpFigures();
    for (Room r : conference.rooms()) {
      rooms++;
      for (Member m : r.members()) {
        members++;
        if (m.talking()) talking++;
        MemberStats s = m.media().stats();
        JitterStats j = m.media().jitterStats();
        received += s.packetsReceived();
        sent += s.packetsSent();
        lost += j.lostPackets();
        concealed += j.concealedFrames();
        worstJitter = Math.max(worstJitter, j.jitterMs());
        rtcp.add(m.media().rtcpStats());
      }
    }
    StringBuilder b = new StringBuilder(2048);
    gauge(b, "parley_rooms", "Rooms open now.", rooms);
    gauge(b, "parley_members", "Members in all rooms.", members);
    gauge(b, "parley_members_talking", "Members whose energy gate is open.", talking);
    gauge(b, "parley_calls", "SIP calls the server holds (including callers keying a PIN).", calls.getAsInt());
    gauge(b, "parley_rtp_packets_received", "RTP packets received from the members present.", received);
    gauge(b, "parley_rtp_packets_sent", "RTP packets sent to the members present.", sent);
    gauge(b, "parley_rtp_packets_lost", "RTP packets the members present lost on the way in.", lost);
    gauge(b, "parley_rtp_frames_concealed", "Frames concealed for the members present.", concealed);
    gauge(b, "parley_rtp_jitter_max_milliseconds", "Largest interarrival jitter among the members present.", worstJitter);
    rtcp.write(b);
    gauge(b, "parley_event_stream_clients", "WebSocket clients of the event stream.", streamClients.getAsInt());
    counter(b, "parley_events_total", "Conference events published since start.", conference.events().lastSequence());
    ticks(b);
    jvm(b);
    return b.toString();
  }

  /** Per media worker: the tick-time histogram (cumulative buckets, as Prometheus wants), late and skipped ticks. */
  private void ticks(StringBuilder b) {
    double[] bounds = TickStats.boundsSeconds();
    b.append("# HELP parley_mixer_tick_seconds Time one room tick takes (read, mix, encode, send), per media worker.\n"
        + "# TYPE parley_mixer_tick_seconds histogram\n");
    for (TickStats t : ticks) {
      long cumulative = 0;
      for (int i = 0; i < TickStats.buckets(); i++) {
        cumulative += t.bucketCount(i);
        String le = i < bounds.length ? Double.toString(bounds[i]) : "+Inf";
        b.append("parley_mixer_tick_seconds_bucket{worker=\"").append(t.worker()).append("\",le=\"").append(le)
            .append("\"} ").append(cumulative).append('\n');
      }
      b.append("parley_mixer_tick_seconds_sum{worker=\"").append(t.worker()).append("\"} ")
          .append(format(t.sumNanos() / 1e9)).append('\n');
      b.append("parley_mixer_tick_seconds_count{worker=\"").append(t.worker()).append("\"} ").append(cumulative).append('\n');
    }
    perWorker(b, "parley_mixer_late_ticks_total",
        "Room ticks that started more than one room interval after their deadline.", true);
    perWorker(b, "parley_mixer_skipped_ticks_total",
        "Room ticks skipped because the worker fell more than five ticks behind.", false);
  }

  private void perWorker(StringBuilder b, String name, String help, boolean late) {
    b.append("# HELP ").append(name).append(' ').append(help).append("\n# TYPE ").append(name).append(" counter\n");
    for (TickStats t : ticks) {
      b.append(name).append("{worker=\"").append(t.worker()).append("\"} ")
          .append(late ? t.lateTicks() : t.skippedTicks()).append('\n');
    }
  }

  private static void jvm(StringBuilder b) {
    MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
    gauge(b, "jvm_memory_heap_used_bytes", "Heap in use.", mem.getHeapMemoryUsage().getUsed());
    gauge(b, "jvm_memory_heap_committed_bytes", "Heap committed.", mem.getHeapMemoryUsage().getCommitted());
    gauge(b, "jvm_memory_nonheap_used_bytes", "Non-heap memory in use.", mem.getNonHeapMemoryUsage().getUsed());
    gauge(b, "jvm_threads_live", "Live platform threads.", ManagementFactory.getThreadMXBean().getThreadCount());
    b.append("# HELP jvm_gc_collections_total Collections per collector.\n# TYPE jvm_gc_collections_total counter\n");
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      b.append("jvm_gc_collections_total{gc=\"").append(label(gc.getName())).append("\"} ")
          .append(Math.max(0, gc.getCollectionCount())).append('\n');
    }
    b.append("# HELP jvm_gc_collection_seconds_total Time spent collecting, per collector.\n"
        + "# TYPE jvm_gc_collection_seconds_total counter\n");
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      b.append("jvm_gc_collection_seconds_total{gc=\"").append(label(gc.getName())).append("\"} ")
          .append(Math.max(0, gc.getCollectionTime()) / 1000.0).append('\n');
    }
  }

  /** RTCP aggregates over the members present: sums, the worst round trip and jitter, the lowest MOS. */
  private static final class RtcpFigures {
    long reportsReceived;
    long reportsSent;
    long remoteLost;
    double worstRoundTrip;
    double worstRemoteJitter;
    double lowestMos = -1;
    int rated;
    double mosSum;

    void add(RtcpStats s) {
      reportsReceived += s.reportsReceived();
      reportsSent += s.reportsSent();
      remoteLost += Math.max(0, s.remoteCumulativeLost());
      worstRoundTrip = Math.max(worstRoundTrip, s.roundTripMillis());
      worstRemoteJitter = Math.max(worstRemoteJitter, s.remoteJitterMillis());
      if (s.mos() >= 0) {
        lowestMos = lowestMos < 0 ? s.mos() : Math.min(lowestMos, s.mos());
        mosSum += s.mos();
        rated++;
      }
    }

    void write(StringBuilder b) {
      gauge(b, "parley_rtcp_reports_received", "RTCP compound packets received from the members present.", reportsReceived);
      gauge(b, "parley_rtcp_reports_sent", "RTCP compound packets sent to the members present.", reportsSent);
      gauge(b, "parley_rtcp_remote_packets_lost", "Our packets the members present report lost (RTCP RR).", remoteLost);
      gauge(b, "parley_rtcp_round_trip_max_milliseconds", "Largest RTCP round-trip time among the members present.",
          worstRoundTrip);
      gauge(b, "parley_rtcp_remote_jitter_max_milliseconds", "Largest jitter the members present report of our stream.",
          worstRemoteJitter);
      gauge(b, "parley_mos_min", "Lowest estimated MOS (E-model) among the members rated; -1 when none is.", lowestMos);
      gauge(b, "parley_mos_mean", "Mean estimated MOS of the members rated; -1 when none is.",
          rated == 0 ? -1 : mosSum / rated);
    }
  }

  private static void gauge(StringBuilder b, String name, String help, double value) {
    b.append("# HELP ").append(name).append(' ').append(help).append("\n# TYPE ").append(name).append(" gauge\n")
        .append(name).append(' ').append(format(value)).append('\n');
  }

  private static void counter(StringBuilder b, String name, String help, double value) {
    b.append("# HELP ").append(name).append(' ').append(help).append("\n# TYPE ").append(name).append(" counter\n")
        .append(name).append(' ').append(format(value)).append('\n');
  }

  private static String format(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  private static String label(String v) {
    return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
