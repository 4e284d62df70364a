package dev.parley.bench;

import dev.parley.media.srtp.SrtpKeys;
import dev.parley.media.srtp.SrtpSuite;
import dev.parley.media.srtp.SrtpTransform;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * SRTP (AES_CM_128_HMAC_SHA1_80) per packet as the media path runs it: {@code protect} is what every
 * packet we send to an SRTP member costs, {@code protectAndUnprotect} adds what every packet it sends
 * us costs (unprotect alone cannot loop on one packet: the replay list rejects it the second time, so
 * it is the difference). Payload 160 bytes is 20 ms of G.711 or G.722, 320 is 40 ms of them. The
 * sequence number advances every call, as on the wire.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SrtpBenchmark {
  @Param({"160", "320"})
  public int payload;

  private SrtpTransform sender;
  private SrtpTransform receiver;
  private final byte[] packet = new byte[1500];
  private final byte[] rtcp = new byte[200];
  private int seq;

  @Setup(Level.Trial)
  public void setUp() {
    SrtpKeys keys = SrtpKeys.random(SrtpSuite.AES_CM_128_HMAC_SHA1_80);
    sender = new SrtpTransform(keys);
    receiver = new SrtpTransform(keys);
    packet[0] = (byte) 0x80;
    packet[11] = 42;
    rtcp[0] = (byte) 0x81;
    rtcp[1] = (byte) 200;
    rtcp[3] = 12;
  }

  private void header() {
    seq = (seq + 1) & 0xffff;
    packet[2] = (byte) (seq >>> 8);
    packet[3] = (byte) seq;
  }

  @Benchmark
  public int protect() {
    header();
    return sender.protectRtp(packet, 0, 12 + payload);
  }

  @Benchmark
  public int protectAndUnprotect() {
    header();
    int n = sender.protectRtp(packet, 0, 12 + payload);
    return receiver.unprotectRtp(packet, 0, n);
  }

  /** A 52-byte sender report with one report block: SRTCP protect and unprotect. */
  @Benchmark
  public int rtcpProtectAndUnprotect() {
    int n = sender.protectRtcp(rtcp, 0, 52);
    return receiver.unprotectRtcp(rtcp, 0, n);
  }
}
