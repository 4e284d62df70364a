package dev.parley.media.engine;

import dev.parley.media.codec.PcmuCodec;
import dev.parley.media.rtp.RtpPacket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal RTP endpoint on loopback for engine tests: sends PCMU audio (a tone, any {@link Source}, or
 * nothing) every 20 ms under SSRC {@link #AUDIO_SSRC}, and records every packet it receives.
 */
final class FakeRtpPeer implements AutoCloseable {
  static final long AUDIO_SSRC = 0x1234;

  /** The audio to send: sample number to 16-bit value. */
  @FunctionalInterface
  interface Source {
    short sample(long index);
  }

  final DatagramChannel channel;
  final List<byte[]> receivedPayloads = java.util.Collections.synchronizedList(new ArrayList<>());
  /** Whole packets, header included, in arrival order. */
  final List<byte[]> receivedPackets = java.util.Collections.synchronizedList(new ArrayList<>());
  private final Source source;
  private volatile InetSocketAddress server;
  private volatile boolean running = true;
  private Thread sender;
  private Thread receiver;

  FakeRtpPeer(double frequencyHz) throws IOException {
    this(frequencyHz <= 0 ? null : i -> (short) (8000 * Math.sin(2 * Math.PI * frequencyHz * i / 8000.0)));
  }

  /** @param source what to send, or null to send nothing */
  FakeRtpPeer(Source source) throws IOException {
    this.source = source;
    this.channel = DatagramChannel.open();
    channel.bind(new InetSocketAddress("127.0.0.1", 0));
  }

  InetSocketAddress address() throws IOException {
    return (InetSocketAddress) channel.getLocalAddress();
  }

  void start(int serverPort) {
    server = new InetSocketAddress("127.0.0.1", serverPort);
    receiver = Thread.ofPlatform().daemon(true).start(() -> {
      ByteBuffer buf = ByteBuffer.allocate(2048);
      RtpPacket p = new RtpPacket();
      while (running) {
        try {
          buf.clear();
          channel.receive(buf);
          byte[] b = java.util.Arrays.copyOf(buf.array(), buf.position());
          if (p.wrap(b, 0, b.length)) {
            receivedPackets.add(b);
            receivedPayloads.add(java.util.Arrays.copyOfRange(b, p.payloadOffset(), p.payloadOffset() + p.payloadLength()));
          }
        } catch (IOException e) {
          return;
        }
      }
    });
    if (source == null) return;
    sender = Thread.ofPlatform().daemon(true).start(() -> {
      byte[] pkt = new byte[12 + 160];
      short[] pcm = new short[160];
      long start = System.nanoTime();
      int seq = 1;
      long ts = 0;
      long sample = 0;
      for (int frame = 0; running; frame++) {
        for (int i = 0; i < 160; i++, sample++) {
          pcm[i] = source.sample(sample);
        }
        RtpPacket.writeHeader(pkt, 0, frame == 0, 0, seq++ & 0xffff, ts, AUDIO_SSRC);
        PcmuCodec.INSTANCE.encode(pcm, 0, 160, pkt, 12);
        ts += 160;
        try {
          channel.send(ByteBuffer.wrap(pkt), server);
        } catch (IOException e) {
          return;
        }
        long due = start + (frame + 1) * 20_000_000L;
        long wait = due - System.nanoTime();
        if (wait > 0) java.util.concurrent.locks.LockSupport.parkNanos(wait);
      }
    });
  }

  /** Sends one datagram from this peer's socket (so symmetric RTP sees the latched source). */
  void sendRaw(byte[] packet, int length) throws IOException {
    channel.send(ByteBuffer.wrap(packet, 0, length), server);
  }

  /** Decodes what was received, in arrival order. */
  short[] heard() {
    List<byte[]> copy;
    synchronized (receivedPayloads) {
      copy = new ArrayList<>(receivedPayloads);
    }
    int total = copy.stream().mapToInt(b -> b.length).sum();
    short[] out = new short[total];
    int pos = 0;
    for (byte[] b : copy) pos += PcmuCodec.INSTANCE.decode(b, 0, b.length, out, pos);
    return out;
  }

  @Override
  public void close() throws IOException {
    running = false;
    channel.close();
  }

  /** Goertzel power of {@code freq} over samples [from, to), in dB relative to full scale. */
  static double levelDb(short[] s, int from, int to, double freq) {
    double w = 2 * Math.PI * freq / 8000.0;
    double coeff = 2 * Math.cos(w);
    double s1 = 0;
    double s2 = 0;
    for (int i = from; i < to; i++) {
      double s0 = s[i] / 32768.0 + coeff * s1 - s2;
      s2 = s1;
      s1 = s0;
    }
    double power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
    double amplitude = 2 * Math.sqrt(Math.max(power, 1e-30)) / (to - from);
    return 20 * Math.log10(amplitude);
  }
}
