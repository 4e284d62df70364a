package dev.parley.media.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.media.codec.AudioDecoder;
import dev.parley.media.codec.G722Codec;
import dev.parley.media.codec.OpusCodec;
import dev.parley.media.rtp.RtpPacket;
import dev.parley.media.testing.Signals;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a 16 kHz room puts on the wire for G.722 and Opus members, heard from a PCMU talker: the G.722
 * clock quirk (160 bytes and 160 ticks per 20 ms although 320 samples are carried, RFC 3551 §4.5.2),
 * one Opus frame per packet on the 48 kHz clock (960 ticks per 20 ms, RFC 7587 §4.1), and the talker's
 * tone in both after decoding.
 */
class WidebandPacketiserIT {
  private MediaEngine engine;
  private final List<FakeRtpPeer> peers = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    CodecWarmUp.run(); // as the server does at start: an interpreted Opus encoder overruns the first ticks
    engine = new MediaEngine(new MediaEngineConfig("127.0.0.1", 40600, 40699, 1, java.time.Duration.ofSeconds(5)));
  }

  @AfterEach
  void stop() throws Exception {
    for (FakeRtpPeer p : peers) p.close();
    engine.close();
  }

  private FakeRtpPeer join(RoomMedia room, double toneHz, int pt, String codec) throws Exception {
    FakeRtpPeer peer = new FakeRtpPeer(toneHz);
    peers.add(peer);
    MemberMedia m = room.addMember(() -> {});
    m.configure(new RemoteMedia(peer.address(), pt, codec, 20, -1, true, true));
    peer.start(m.localRtpPort());
    return peer;
  }

  /**
   * The talker sends -12 dBFS; through G.711, resampling and a lossy codec it arrives a few dB lower
   * (Opus measured -16.1 once, -15.x usually). Silence would read below -60, so 10 dB of room still
   * tells heard from not heard without failing on codec gain.
   */
  private static final double HEARD_DB = -22;

  @Test
  void g722AndOpusMembersGetTheirOwnFramingAndClock() throws Exception {
    RoomMedia room = engine.createRoom(new RoomMediaSpec("wb", 16000, 20, 100, 0));
    join(room, 1000, 0, "PCMU");
    FakeRtpPeer g722 = join(room, 0, 9, "G722");
    FakeRtpPeer opus = join(room, 0, 111, "opus");
    // On a loaded machine the first second may be lost to a late start: wait (bounded) until both have
    // heard a second of the talker, then judge.
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!bothHearTheTalker(g722, opus) && System.nanoTime() < deadline) Thread.sleep(100);

    List<byte[]> g = snapshot(g722);
    assertThat(g.size()).isGreaterThanOrEqualTo(100);
    RtpPacket p = new RtpPacket();
    for (int i = 1; i < g.size(); i++) {
      assertThat(p.wrap(g.get(i - 1), 0, g.get(i - 1).length)).isTrue();
      long before = p.timestamp();
      assertThat(p.payloadType()).isEqualTo(9);
      assertThat(p.payloadLength()).as("20 ms of G.722").isEqualTo(160);
      p.wrap(g.get(i), 0, g.get(i).length);
      assertThat((p.timestamp() - before) & 0xffffffffL).as("G.722 timestamp step").isEqualTo(160);
    }
    short[] heardG722 = decode(g, G722Codec.INSTANCE.newDecoder(16000), 320);
    assertThat(medianLevel(heardG722, 1000))
        .as("the PCMU talker heard through G.722").isGreaterThan(HEARD_DB);

    List<byte[]> o = snapshot(opus);
    assertThat(o.size()).isGreaterThanOrEqualTo(100);
    for (int i = 1; i < o.size(); i++) {
      p.wrap(o.get(i - 1), 0, o.get(i - 1).length);
      long before = p.timestamp();
      assertThat(p.payloadType()).isEqualTo(111);
      p.wrap(o.get(i), 0, o.get(i).length);
      assertThat((p.timestamp() - before) & 0xffffffffL).as("Opus timestamp step").isEqualTo(960);
    }
    short[] heardOpus = decode(o, OpusCodec.INSTANCE.newDecoder(16000), 320);
    assertThat(medianLevel(heardOpus, 1000))
        .as("the PCMU talker heard through Opus").isGreaterThan(HEARD_DB);
  }

  /**
   * The median level over the last second in 0.25 s blocks: the stream is in arrival order, and the
   * jitter buffer's time stretching makes phase jumps that one long Goertzel window would average away.
   */
  private static double medianLevel(short[] s, double hz) {
    double[] blocks = new double[4];
    for (int b = 0; b < 4; b++) {
      int from = s.length - 16000 + b * 4000;
      blocks[b] = Signals.levelDbfs(s, from, from + 4000, hz, 16000);
    }
    java.util.Arrays.sort(blocks);
    return (blocks[1] + blocks[2]) / 2;
  }

  private static boolean bothHearTheTalker(FakeRtpPeer g722, FakeRtpPeer opus) {
    List<byte[]> g = snapshot(g722), o = snapshot(opus);
    if (g.size() < 100 || o.size() < 100) return false;
    return medianLevel(decode(g, G722Codec.INSTANCE.newDecoder(16000), 320), 1000) > -16
        && medianLevel(decode(o, OpusCodec.INSTANCE.newDecoder(16000), 320), 1000) > -16;
  }

  private static List<byte[]> snapshot(FakeRtpPeer peer) {
    synchronized (peer.receivedPackets) {
      return new ArrayList<>(peer.receivedPackets);
    }
  }

  private static short[] decode(List<byte[]> packets, AudioDecoder d, int frame) {
    short[] out = new short[packets.size() * frame];
    RtpPacket p = new RtpPacket();
    int n = 0;
    for (byte[] b : packets) {
      p.wrap(b, 0, b.length);
      n += Math.max(0, d.decode(b, p.payloadOffset(), p.payloadLength(), out, n));
    }
    return java.util.Arrays.copyOf(out, n);
  }

}

