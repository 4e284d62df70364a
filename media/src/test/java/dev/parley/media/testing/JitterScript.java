package dev.parley.media.testing;

import dev.parley.media.jitter.JitterBuffer;
import dev.parley.media.jitter.JitterBuffer.Playout;
import dev.parley.media.jitter.JitterBufferConfig;
import dev.parley.media.jitter.JitterStats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a jitter-buffer scenario written in a tiny line language ({@code .jbt} files), so scenarios are
 * data that read like a packet trace. Each packet's samples all carry one marker value, distinct per
 * packet, so a read can assert <em>which</em> packet was played.
 *
 * <pre>
 * # comment (also after a command)
 * config [clock=8000] [min=20] [max=200] [capacity=1000]   before any packet; default: defaults(8000)
 * put SEQ TS AT_MS [ssrc=N] [samples=N] [id=NAME] [value=N]
 *     one packet arriving at AT_MS. samples: default as the previous put, first 20 ms.
 *     id: how reads refer to it; default the sequence number, with ' added when already taken (5, 5').
 * read [count=N] KIND [CONTENT...]
 *     one mixer tick of N samples (default 20 ms); KIND is AUDIO, CONCEALED, SILENCE or ANY.
 *     CONTENT lists runs covering the read: ID[*N] = N samples of that packet's marker, _[*N] = zeros,
 *     ~[*N] = not checked, ~ID[*N] = concealment made from packet ID: every sample between 0 and the
 *     marker, never rising along the run. Without *N a run covers the rest of the read.
 *     SILENCE always checks that every sample is 0.
 * reads N KIND                 N reads of the default size, each of that kind
 * stream count=N [seq=] [ts=] [at=] [ptime=20] [tick=20] [phase=5] [jitter=MS,MS,..] [drop=I,I,..]
 *        [copy=MS] [ssrc=]
 *     packets every ptime ms (sent at at + i*ptime, arriving jitter[i % n] ms later; index i in drop is
 *     never sent; with copy, every packet arrives a second time MS later), interleaved with reads every tick ms in arrival-time order (packets first on a tie);
 *     reads go on until the schedule ends and every delayed packet has arrived.
 *     Omitted seq/ts/at/ssrc continue from the previous stream. The read clock starts at the first
 *     stream's at + phase and then runs on across streams (reads happen during a pause), unless phase
 *     is given again. Stream
 *     reads are tallied, and every AUDIO read is checked never to play a packet older than one
 *     already played.
 * mark                         zeroes the read tallies
 * trace                        prints every packet and read from here on (for writing scenarios)
 * expect NAME OP VALUE ...     OP is = &gt;= &lt;= &gt; &lt;; NAME a counter of JitterStats (received
 *     duplicates late concealed shortened lost resyncs reordered delay jitter) or a tally (audio concealedReads
 *     silences: reads of each kind, explicit or streamed, since the start or the last mark)
 * </pre>
 *
 * <p>Arrival times are passed as {@code BASE + ms * 10^6} with {@code BASE} five seconds short of
 * {@code Long.MAX_VALUE}, so every scenario also checks that only differences of {@code nanoTime}
 * values are used.
 */
public final class JitterScript {
  private static final long BASE_NANOS = Long.MAX_VALUE - 5_000_000_000L;

  private final String name;
  private final List<String> lines;

  private JitterBuffer buffer;
  private int clockRateHz = 8000;
  private int defaultSamples;
  private int putIndex;
  private final Map<String, Short> markers = new HashMap<>();
  private final Map<Short, Integer> markerOrder = new HashMap<>();
  private int newestPlayedOrder = -1;
  private final int[] tally = new int[Playout.values().length];
  private short[] out = new short[0];

  // Stream continuation.
  private int nextSeq;
  private long nextTs;
  private double nextAtMs;
  private double nextReadAtMs = Double.NaN;
  private long streamSsrc = 1;
  private int lineNo;
  private boolean trace;

  private JitterScript(String name, List<String> lines) {
    this.name = name;
    this.lines = lines;
  }

  public static JitterScript load(Path file) throws IOException {
    return new JitterScript(file.getFileName().toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
  }

  public static JitterScript of(String name, String text) {
    return new JitterScript(name, Arrays.asList(text.split("\n", -1)));
  }

  /** Runs every line; throws AssertionError naming the file and line of the first failure. */
  public void run() {
    configure(JitterBufferConfig.defaults(8000));
    for (lineNo = 1; lineNo <= lines.size(); lineNo++) {
      String line = lines.get(lineNo - 1);
      int hash = line.indexOf('#');
      if (hash >= 0) line = line.substring(0, hash);
      line = line.strip();
      if (line.isEmpty()) continue;
      String[] words = line.split("\\s+");
      try {
        switch (words[0]) {
          case "config" -> config(words);
          case "put" -> put(words);
          case "read" -> read(words);
          case "reads" -> reads(words);
          case "stream" -> stream(words);
          case "mark" -> Arrays.fill(tally, 0);
          case "trace" -> trace = true;
          case "expect" -> expect(words);
          default -> throw fail("unknown command " + words[0]);
        }
      } catch (NumberFormatException e) {
        throw fail("bad number: " + e.getMessage());
      }
    }
  }

  private void configure(JitterBufferConfig config) {
    buffer = new JitterBuffer(config);
    clockRateHz = config.clockRateHz();
    defaultSamples = clockRateHz / 50;
    out = new short[config.clockRateHz() * config.capacityMs() / 1000];
  }

  private void config(String[] words) {
    if (putIndex > 0) throw fail("config must come before any packet");
    Map<String, String> opts = options(words, 1);
    JitterBufferConfig d = JitterBufferConfig.defaults(8000);
    configure(new JitterBufferConfig(
        intOpt(opts, "clock", d.clockRateHz()),
        intOpt(opts, "min", d.minDelayMs()),
        intOpt(opts, "max", d.maxDelayMs()),
        intOpt(opts, "capacity", d.capacityMs())));
  }

  private void put(String[] words) {
    if (words.length < 4) throw fail("put SEQ TS AT_MS [options]");
    int seq = Integer.parseInt(words[1]);
    long ts = Long.parseLong(words[2]);
    double atMs = Double.parseDouble(words[3]);
    Map<String, String> opts = options(words, 4);
    long ssrc = Long.parseLong(opts.getOrDefault("ssrc", Long.toString(streamSsrc)));
    int samples = intOpt(opts, "samples", defaultSamples);
    defaultSamples = samples;
    String id = opts.get("id");
    Short value = opts.containsKey("value") ? Short.valueOf(opts.get("value")) : null;
    deliver(id == null ? Integer.toString(seq) : id, ssrc, seq, ts, atMs, samples, value);
  }

  private void deliver(String id, long ssrc, int seq, long ts, double atMs, int samples, Short value) {
    short marker = value != null ? value : (short) (1000 + 7 * (putIndex % 4000));
    while (markers.containsKey(id)) id = id + "'";
    markers.put(id, marker);
    markerOrder.put(marker, putIndex);
    putIndex++;
    short[] pcm = new short[samples + 4];
    Arrays.fill(pcm, marker);
    // Offset 2 in a larger array: the buffer must honour offset and count.
    send(ssrc, seq, ts, pcm, 2, samples, atMs);
  }

  private void send(long ssrc, int seq, long ts, short[] pcm, int offset, int samples, double atMs) {
    buffer.put(ssrc, seq, ts, pcm, offset, samples, BASE_NANOS + Math.round(atMs * 1_000_000));
    if (trace) {
      System.out.println(name + ":" + lineNo + " put seq=" + seq + " ts=" + ts + " at=" + atMs + "ms value="
          + pcm[offset] + " " + state());
    }
  }

  private void read(String[] words) {
    int at = 1;
    int count = defaultReadSamples();
    if (words.length > at && words[at].startsWith("count=")) count = Integer.parseInt(words[at++].substring(6));
    if (words.length <= at) throw fail("read [count=N] KIND [CONTENT...]");
    String kind = words[at++];
    Playout result = tick(count);
    if (!kind.equals("ANY") && result != Playout.valueOf(kind)) {
      throw fail("expected " + kind + " but read " + result + " " + describe(count));
    }
    if (at < words.length) checkContent(Arrays.copyOfRange(words, at, words.length), count);
  }

  private void reads(String[] words) {
    if (words.length != 3) throw fail("reads N KIND");
    int n = Integer.parseInt(words[1]);
    for (int i = 0; i < n; i++) {
      Playout result = tick(defaultReadSamples());
      if (!words[2].equals("ANY") && result != Playout.valueOf(words[2])) {
        throw fail("read " + (i + 1) + " of " + n + ": expected " + words[2] + " but read " + result + " "
            + describe(defaultReadSamples()));
      }
    }
  }

  private int defaultReadSamples() {
    return clockRateHz / 50;
  }

  private Playout tick(int count) {
    Arrays.fill(out, (short) 0x5A5A); // stale data must not survive a read
    Playout result = buffer.read(out, 1, count);
    if (trace) System.out.println(name + ":" + lineNo + " read " + result + " " + describe(count));
    if (out[0] != 0x5A5A || out[count + 1] != 0x5A5A) throw fail("read wrote outside its range");
    if (result == Playout.SILENCE) {
      for (int i = 1; i <= count; i++) {
        if (out[i] != 0) throw fail("SILENCE with a non-zero sample at " + (i - 1) + " " + describe(count));
      }
    }
    tally[result.ordinal()]++;
    return result;
  }

  private void checkContent(String[] runs, int count) {
    int pos = 0;
    for (int r = 0; r < runs.length; r++) {
      String run = runs[r];
      int star = run.lastIndexOf('*');
      String what = star < 0 ? run : run.substring(0, star);
      int n = star < 0 ? count - pos : Integer.parseInt(run.substring(star + 1));
      if (star < 0 && r != runs.length - 1) throw fail("only the last run may omit *N: " + run);
      if (pos + n > count) throw fail("content runs cover more than the " + count + " samples read");
      if (what.startsWith("~") && what.length() > 1) {
        checkFading(what.substring(1), pos, n, count);
      } else if (!what.equals("~")) {
        short expected;
        if (what.equals("_")) {
          expected = 0;
        } else {
          Short m = markers.get(what);
          if (m == null) throw fail("no packet with id " + what);
          expected = m;
        }
        for (int i = pos; i < pos + n; i++) {
          if (out[1 + i] != expected) {
            throw fail("sample " + i + " should be " + what + " (" + expected + ") but is " + out[1 + i]
                + " " + describe(count));
          }
        }
      }
      pos += n;
    }
    if (pos != count) throw fail("content runs cover " + pos + " of the " + count + " samples read");
  }

  private void checkFading(String id, int pos, int n, int count) {
    Short m = markers.get(id);
    if (m == null) throw fail("no packet with id " + id);
    int previous = m;
    for (int i = pos; i < pos + n; i++) {
      int s = out[1 + i];
      if (s < 0 || s >= m || s > previous) {
        throw fail("sample " + i + " should be concealment fading from " + id + " (" + m + ") but is " + s
            + " after " + previous + " " + describe(count));
      }
      previous = s;
    }
  }

  private void stream(String[] words) {
    Map<String, String> opts = options(words, 1);
    int count = intOpt(opts, "count", -1);
    if (count < 0) throw fail("stream needs count=N");
    int seq = intOpt(opts, "seq", nextSeq);
    long ts = Long.parseLong(opts.getOrDefault("ts", Long.toString(nextTs)));
    double at = Double.parseDouble(opts.getOrDefault("at", Double.toString(nextAtMs)));
    long ssrc = Long.parseLong(opts.getOrDefault("ssrc", Long.toString(streamSsrc)));
    int ptime = intOpt(opts, "ptime", 20);
    int tick = intOpt(opts, "tick", 20);
    double phase = Double.parseDouble(opts.getOrDefault("phase", "5"));
    double[] jitter = doubles(opts.getOrDefault("jitter", "0"));
    double[] dropped = doubles(opts.getOrDefault("drop", ""));
    double copy = Double.parseDouble(opts.getOrDefault("copy", "-1"));
    int samples = ptime * clockRateHz / 1000;
    int readSamples = tick * clockRateHz / 1000;
    // The mixer never stops: reads go on from the previous stream, through any pause before this one.
    if (Double.isNaN(nextReadAtMs) || opts.containsKey("phase")) nextReadAtMs = at + phase;

    record Packet(int index, double arrival, int seq, long ts, short marker) {}
    List<Packet> packets = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      short marker = (short) (1000 + 7 * (putIndex % 4000));
      String id = Integer.toString((seq + i) & 0xFFFF);
      while (markers.containsKey(id)) id = id + "'";
      markers.put(id, marker);
      markerOrder.put(marker, putIndex);
      putIndex++;
      if (contains(dropped, i)) continue;
      double arrival = at + (double) i * ptime + jitter[i % jitter.length];
      packets.add(new Packet(i, arrival, (seq + i) & 0xFFFF, (ts + (long) i * samples) & 0xFFFFFFFFL, marker));
      if (copy >= 0) {
        packets.add(new Packet(i, arrival + copy, (seq + i) & 0xFFFF, (ts + (long) i * samples) & 0xFFFFFFFFL, marker));
      }
    }
    packets.sort((a, b) -> Double.compare(a.arrival(), b.arrival())); // stable: ties keep send order
    double end = at + (double) count * ptime;
    short[] pcm = new short[samples];
    int next = 0;
    while (true) {
      double packetAt = next < packets.size() ? packets.get(next).arrival() : Double.POSITIVE_INFINITY;
      if (packetAt <= nextReadAtMs && next < packets.size()) {
        Packet p = packets.get(next++);
        Arrays.fill(pcm, p.marker());
        send(ssrc, p.seq(), p.ts(), pcm, 0, samples, p.arrival());
      } else if (nextReadAtMs < end || next < packets.size()) {
        // Reads go on until the schedule ends and every delayed packet has arrived.
        streamRead(readSamples);
        nextReadAtMs += tick;
      } else {
        break;
      }
    }
    nextSeq = (seq + count) & 0xFFFF;
    nextTs = (ts + (long) count * samples) & 0xFFFFFFFFL;
    nextAtMs = end;
    streamSsrc = ssrc;
    defaultSamples = samples;
  }

  private void streamRead(int count) {
    Playout result = tick(count);
    if (result != Playout.AUDIO) return;
    for (int i = 1; i <= count; i++) {
      Integer order = markerOrder.get(out[i]);
      if (order == null) continue; // a cross-fade between two packets
      if (order < newestPlayedOrder) {
        throw fail("played packet #" + order + " after packet #" + newestPlayedOrder + " " + describe(count));
      }
      newestPlayedOrder = order;
    }
  }

  private void expect(String[] words) {
    JitterStats s = buffer.stats();
    if (trace) System.out.println(name + ":" + lineNo + " " + String.join(" ", words) + " with " + state());
    for (int i = 1; i < words.length; i++) {
      String[] parts = words[i].split("(?<=[a-zA-Z])(?=[<>=])|(?<=[<>=])(?=[-0-9.])");
      if (parts.length != 3) throw fail("expect NAME OP VALUE, not " + words[i]);
      double actual = switch (parts[0]) {
        case "received" -> s.received();
        case "duplicates" -> s.duplicates();
        case "late" -> s.late();
        case "concealed" -> s.concealedFrames();
        case "shortened" -> s.shortenedReads();
        case "lost" -> s.lostPackets();
        case "resyncs" -> s.resyncs();
        case "reordered" -> s.reordered();
        case "delay" -> s.currentDelayMs();
        case "jitter" -> s.jitterMs();
        case "audio" -> tally[Playout.AUDIO.ordinal()];
        case "concealedReads" -> tally[Playout.CONCEALED.ordinal()];
        case "silences" -> tally[Playout.SILENCE.ordinal()];
        default -> throw fail("unknown counter " + parts[0]);
      };
      double expected = Double.parseDouble(parts[2]);
      boolean ok = switch (parts[1]) {
        case "=" -> actual == expected;
        case ">=" -> actual >= expected;
        case "<=" -> actual <= expected;
        case ">" -> actual > expected;
        case "<" -> actual < expected;
        default -> throw fail("unknown operator " + parts[1]);
      };
      if (!ok) throw fail("expected " + words[i] + " but " + parts[0] + " is " + actual + "; " + state());
    }
  }

  private String state() {
    return buffer.stats() + " reads{audio=" + tally[0] + ", concealed=" + tally[1] + ", silence=" + tally[2] + "}";
  }

  private String describe(int count) {
    StringBuilder b = new StringBuilder("[");
    int i = 0;
    while (i < count) {
      int j = i;
      while (j < count && out[1 + j] == out[1 + i]) j++;
      if (b.length() > 1) b.append(' ');
      b.append(out[1 + i]).append('*').append(j - i);
      i = j;
      if (b.length() > 200) {
        b.append(" ...");
        break;
      }
    }
    return b.append("]; ").append(state()).toString();
  }

  private AssertionError fail(String message) {
    return new AssertionError(name + ":" + lineNo + ": " + message);
  }

  private Map<String, String> options(String[] words, int from) {
    Map<String, String> opts = new HashMap<>();
    for (int i = from; i < words.length; i++) {
      int eq = words[i].indexOf('=');
      if (eq <= 0) throw fail("expected key=value, not " + words[i]);
      opts.put(words[i].substring(0, eq), words[i].substring(eq + 1));
    }
    return opts;
  }

  private static int intOpt(Map<String, String> opts, String key, int fallback) {
    String v = opts.get(key);
    return v == null ? fallback : Integer.parseInt(v);
  }

  private static double[] doubles(String csv) {
    if (csv.isEmpty()) return new double[0];
    return Arrays.stream(csv.split(",")).mapToDouble(Double::parseDouble).toArray();
  }

  private static boolean contains(double[] values, int i) {
    for (double v : values) if (v == i) return true;
    return false;
  }
}
