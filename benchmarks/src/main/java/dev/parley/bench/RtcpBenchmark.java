package dev.parley.bench;

import dev.parley.media.rtcp.RtcpParser;
import dev.parley.media.rtcp.RtcpSession;
import dev.parley.media.rtcp.RtcpWriter;
import dev.parley.media.rtcp.NtpTime;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * RTCP per member: parsing one typical compound (SR with one report block, SDES CNAME, as baresip
 * sends every 5 s) and handling it in the member's session (RTT, MOS), and building ours.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RtcpBenchmark {
  private final RtcpParser parser = new RtcpParser();
  private final byte[] compound = new byte[256];
  private int length;
  private RtcpSession session;
  private long now;

  @Setup
  public void setUp() {
    RtcpWriter.Block b = new RtcpWriter.Block();
    b.ssrc = 0x1234;
    b.fractionLost = 10;
    b.cumulativeLost = 42;
    b.extendedHighest = 70_000;
    b.jitter = 80;
    b.lastSr = 0xb7052000L;
    b.delaySinceLastSr = 0x4000;
    length = RtcpWriter.report(compound, 0, 0x9999, 0xe1234567_89abcdefL, 160_000, 500, 80_000, b);
    length += RtcpWriter.sdesCname(compound, length, 0x9999, "sip:peer@127.0.0.1:5350".getBytes(StandardCharsets.US_ASCII));
    session = new RtcpSession(0x1234, "parley", new NtpTime(0, 0), 0);
    session.codec("PCMU", 8000);
    session.onReport(parser, parser.parse(compound, 0, length), compound, 1, 40); // the CNAME string, once
  }

  @Benchmark
  public boolean parse() {
    return parser.parse(compound, 0, length);
  }

  @Benchmark
  public double parseAndHandle() {
    boolean ok = parser.parse(compound, 0, length);
    session.onReport(parser, ok, compound, now += 5_000_000_000L, 40);
    return session.stats().mos();
  }

  @Benchmark
  public int buildOurs() {
    session.onReceived(0x9999, (int) (now & 0xffff), now * 160, now * 20_000_000L);
    return session.goodbye(now++ * 20_000_000L, true);
  }
}
