package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testkit.BaresipPeer;
import dev.parley.testkit.G711;
import dev.parley.testkit.Goertzel;
import dev.parley.testkit.ParleyProcess;
import dev.parley.testkit.RtpSink;
import dev.parley.testkit.Sipp;
import dev.parley.testkit.TestConfig;
import dev.parley.testkit.Wav;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * RFC 3389 comfort noise both ways, in a room with {@code comfort-noise-send: true}. A sipp member
 * offers PCMU and CN (13); its media port is an {@link RtpSink} of this test, which also plays the
 * member's side of the stream. A real baresip (PCMU, no CN) listens.
 * <ul>
 *   <li>Send: the room is silent, so the CN member gets SID packets (payload type 13 on the wire, one
 *       every 500 ms) instead of audio.
 *   <li>Receive: the CN member talks (a 1 kHz tone), then goes silent with SIDs at -40 dBov: baresip
 *       hears the tone, then noise at that level instead of silence.
 * </ul>
 * Ports: Parley SIP 15264, sipp SIP 5450 and media 18502, the sink 18510; baresip slot 78.
 */
class ComfortNoiseIT {
  private static final int SIP_PORT = 15264, SINK_PORT = 18510;
  private static final int SID_LEVEL = 40;
  private static final Duration LIMIT = Duration.ofSeconds(10);

  @Test
  void silentRoomsSendSidsAndReceivedSidsAreHeardAsNoiseAtTheirLevel() throws Exception {
    Path dir = ItSupport.outDir(getClass(), "both-ways");
    Path serverDir = dir.resolve("server");
    TestConfig config = TestConfig.forPort(SIP_PORT).withoutSounds().withLonely(false)
        .withProfileKey("comfort-noise-send", "true");
    BaresipPeer listener;
    List<RtpSink.Packet> got;
    long tonePhaseNanos;
    // A longer start-up limit than ItSupport's: with eight builds on two cores the codec warm-up alone took 16 s.
    try (ParleyProcess server = ParleyProcess.start(config.writeTo(serverDir), serverDir.resolve("parley.log"),
            Duration.ofSeconds(120));
        RtpSink sink = RtpSink.open(SINK_PORT)) {
      listener = BaresipPeer.start(BaresipPeer.Settings.slot(78, dir.resolve("listener"))
          .withLifetime(Duration.ofSeconds(60)));
      try (Sipp member = Sipp.scenario(ItSupport.resource("sipp/uac-cn.xml"), dir.resolve("sipp"))
          .target(SIP_PORT).service(ItSupport.ROOM).sipPort(5450).mediaPort(18502).timeout(Duration.ofSeconds(60))
          .key("rtp_port", Integer.toString(SINK_PORT)).key("hold_ms", "20000").start()) {
        listener.dialAndAwaitEstablished(ItSupport.roomUri(SIP_PORT), LIMIT);
        InetSocketAddress parley = awaitPacket(sink, p -> true).source();
        // The room is silent (baresip sends silence): SIDs must come.
        awaitPacket(sink, p -> p.payloadType() == 13 && countSids(sink) >= 4);

        tonePhaseNanos = System.nanoTime();
        playMember(sink, parley);
        ItSupport.letAudioFlow(Duration.ofSeconds(3)); // baresip records the noise the last SID asked for
        got = sink.packets();
        listener.hangup();
        listener.awaitEvent("CALL_CLOSED", LIMIT);
        Sipp.Result r = member.await();
        assertThat(r.succeeded()).as("sipp accepted our CN answer: " + r.describe()).isTrue();
      } finally {
        listener.close();
      }
      assertThat(server.isAlive()).isTrue();
    }

    // Send side: payload type 13, the level octet of digital silence, every 500 ms, and no audio between.
    List<RtpSink.Packet> sids = got.stream().filter(p -> p.payloadType() == 13 && p.arrivalNanos() < tonePhaseNanos)
        .toList();
    assertThat(sids).hasSizeGreaterThanOrEqualTo(4);
    for (RtpSink.Packet p : sids) {
      assertThat(p.payload()).as("a SID of level only").hasSize(1);
      assertThat(p.payload()[0] & 0xff).as("level of a silent room, -dBov").isGreaterThanOrEqualTo(80);
    }
    long first = sids.getFirst().arrivalNanos(), last = sids.getLast().arrivalNanos();
    double spacingMs = (last - first) / 1e6 / (sids.size() - 1);
    assertThat(spacingMs).as("SID interval").isBetween(400.0, 650.0);
    long audioBetween = got.stream()
        .filter(p -> p.payloadType() == 0 && p.arrivalNanos() > first && p.arrivalNanos() < last).count();
    assertThat(audioBetween).as("no audio packets while SIDs flow").isZero();

    // Receive side: baresip heard the tone, then noise at the SID's level (not silence, not the tone).
    Wav heard = listener.heard();
    double end = heard.durationSeconds() - 0.5, start = end - 2;
    assertThat(Goertzel.peakBlockLevelDb(heard, 1000, 0, end)).as("the CN member's tone").isGreaterThan(-30);
    double noiseDb = rmsDb(heard, start, end);
    String why = String.format("noise at %.1f dB RMS, 1 kHz %.1f dB", noiseDb,
        Goertzel.medianLevelDb(heard, 1000, start, end));
    System.out.println(why);
    assertThat(noiseDb).as(why).isBetween(-SID_LEVEL - 4.0, -SID_LEVEL + 4.0);
    assertThat(Goertzel.medianLevelDb(heard, 1000, start, end)).as(why).isLessThan(-50);
  }

  /** The member: 2 s of a 1 kHz tone in PCMU, then a SID at {@value #SID_LEVEL} every 200 ms for 2 s. */
  private static void playMember(RtpSink sink, InetSocketAddress parley) throws Exception {
    byte[] tone = G711.encode(Wav.tone(8000, 1000, 2, -16).samples(), G711.PT_PCMU);
    long ssrc = 0x5eed;
    int seq = 100;
    long ts = 8000;
    long next = System.nanoTime();
    for (int i = 0; i < 100; i++, seq++, ts += 160) {
      byte[] d = packet(0, i == 0, seq, ts, ssrc, 160);
      System.arraycopy(tone, i * 160, d, 12, 160);
      sink.send(d, parley);
      next += 20_000_000L;
      LockSupport.parkNanos(next - System.nanoTime()); // real-time pacing, absolute deadlines
    }
    for (int i = 0; i < 10; i++, seq++, ts += 1600) {
      byte[] d = packet(13, false, seq, ts, ssrc, 1);
      d[12] = (byte) SID_LEVEL;
      sink.send(d, parley);
      next += 200_000_000L;
      LockSupport.parkNanos(next - System.nanoTime());
    }
  }

  private static byte[] packet(int pt, boolean marker, int seq, long ts, long ssrc, int payload) {
    byte[] d = new byte[12 + payload];
    d[0] = (byte) 0x80;
    d[1] = (byte) ((marker ? 0x80 : 0) | pt);
    d[2] = (byte) (seq >> 8);
    d[3] = (byte) seq;
    for (int i = 0; i < 4; i++) {
      d[4 + i] = (byte) (ts >> (24 - 8 * i));
      d[8 + i] = (byte) (ssrc >> (24 - 8 * i));
    }
    return d;
  }

  private static long countSids(RtpSink sink) {
    return sink.packets().stream().filter(p -> p.payloadType() == 13).count();
  }

  private static RtpSink.Packet awaitPacket(RtpSink sink, java.util.function.Predicate<RtpSink.Packet> wanted)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (System.nanoTime() < deadline) {
      for (RtpSink.Packet p : sink.packets()) if (wanted.test(p)) return p;
      Thread.sleep(50);
    }
    throw new AssertionError("no such packet from Parley in 15 s; got " + sink.packets().size() + " packets");
  }

  private static double rmsDb(Wav wav, double startSec, double endSec) {
    short[] s = wav.samples();
    int from = (int) (startSec * wav.sampleRateHz()), to = Math.min(s.length, (int) (endSec * wav.sampleRateHz()));
    double sum = 0;
    for (int i = from; i < to; i++) sum += (double) s[i] * s[i];
    return 20 * Math.log10(Math.sqrt(sum / Math.max(1, to - from)) / 32767);
  }
}
