package dev.parley.testkit;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bad network between a real SIP peer and Parley, made of UDP relays on loopback: the peer dials the
 * relay's SIP port; the relay passes SIP through and rewrites the {@code m=audio} port of Parley's SDP
 * to its own RTP relay (same number of digits, so Content-Length stays true); RTP and RTCP then flow
 * through relays that delay every datagram and drop every {@code dropEvery}-th RTP packet in each
 * direction. The peer and Parley stay unmodified and independent; only the path between them is worse.
 *
 * <p>Each relay is symmetric: what comes from Parley goes to the last address the peer sent from, and
 * Parley latches onto the relay's port. RTP packets (version 2, payload type below 72) are the ones
 * dropped and given {@code jitterMillis} of extra delay on every other packet; RTCP (types 200-204) is
 * only delayed. Counters say what the network did, for tests to compare with what the ends measured.
 */
public final class CountingRelay implements AutoCloseable {
  private static final Pattern AUDIO_PORT = Pattern.compile("m=audio (\\d+) ");

  private final InetAddress loopback = InetAddress.getLoopbackAddress();
  private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "impaired-link");
    t.setDaemon(true);
    return t;
  });
  private final Relay sip;
  private final Relay rtp;
  private final Relay rtcp;
  private final int delayMillis;
  private final int jitterMillis;
  private final int dropEvery;
  private volatile int serverRtpPort = -1;
  private volatile boolean closed;

  /** Packets dropped or passed, per direction: to Parley ({@code up}) and to the peer ({@code down}). */
  public final AtomicLong rtpUpPassed = new AtomicLong(), rtpUpDropped = new AtomicLong();
  public final AtomicLong rtpDownPassed = new AtomicLong(), rtpDownDropped = new AtomicLong();
  public final AtomicLong rtcpUp = new AtomicLong(), rtcpDown = new AtomicLong();
  /** RTCP compounds from Parley that held a BYE (RFC 3550 §6.6). */
  public final AtomicLong rtcpDownByes = new AtomicLong();

  /**
   * @param sipPort where the peer sends SIP
   * @param serverSipPort Parley's SIP port
   * @param rtpPort the relay's RTP port (RTCP on the next), five digits like Parley's
   */
  public CountingRelay(int sipPort, int serverSipPort, int rtpPort, int delayMillis, int jitterMillis, int dropEvery)
      throws IOException {
    this.delayMillis = delayMillis;
    this.jitterMillis = jitterMillis;
    this.dropEvery = dropEvery;
    this.sip = new Relay("sip", sipPort, serverSipPort, Kind.SIP);
    this.rtp = new Relay("rtp", rtpPort, -1, Kind.RTP);
    this.rtcp = new Relay("rtcp", rtpPort + 1, -1, Kind.RTCP);
    for (Relay r : new Relay[] {sip, rtp, rtcp}) r.thread.start();
  }

  /** One-way delay the relay adds to every datagram, in ms (RTP may get {@code jitterMillis} more). */
  public int delayMillis() {
    return delayMillis;
  }

  private enum Kind { SIP, RTP, RTCP }

  private final class Relay implements Runnable {
    final DatagramSocket socket;
    final Kind kind;
    final int fixedServerPort;
    final Thread thread;
    volatile InetSocketAddress peer;
    long upCount, downCount;

    Relay(String name, int port, int serverPort, Kind kind) throws SocketException {
      this.socket = new DatagramSocket(new InetSocketAddress(loopback, port));
      this.kind = kind;
      this.fixedServerPort = serverPort;
      this.thread = new Thread(this, "impaired-link-" + name);
      this.thread.setDaemon(true);
    }

    int serverPort() {
      if (fixedServerPort > 0) return fixedServerPort;
      int p = serverRtpPort;
      return p < 0 ? -1 : kind == Kind.RTCP ? p + 1 : p;
    }

    @Override
    public void run() {
      byte[] buf = new byte[65535];
      while (!closed) {
        DatagramPacket in = new DatagramPacket(buf, buf.length);
        try {
          socket.receive(in);
        } catch (IOException e) {
          return; // closed
        }
        byte[] data = java.util.Arrays.copyOfRange(in.getData(), in.getOffset(), in.getOffset() + in.getLength());
        InetSocketAddress from = (InetSocketAddress) in.getSocketAddress();
        int server = serverPort();
        boolean fromServer = server > 0 && from.getPort() == server && from.getAddress().equals(loopback);
        InetSocketAddress to;
        if (fromServer) {
          to = peer;
          if (kind == Kind.SIP) data = rewriteSdp(data);
        } else {
          peer = from;
          to = server > 0 ? new InetSocketAddress(loopback, server) : null;
        }
        if (to == null) continue;
        long delay = kind == Kind.SIP ? 0 : delayMillis;
        if (kind == Kind.RTP) {
          long n = fromServer ? ++downCount : ++upCount;
          if (dropEvery > 0 && n % dropEvery == 0) {
            (fromServer ? rtpDownDropped : rtpUpDropped).incrementAndGet();
            continue;
          }
          (fromServer ? rtpDownPassed : rtpUpPassed).incrementAndGet();
          if (n % 2 == 0) delay += jitterMillis;
        } else if (kind == Kind.RTCP) {
          (fromServer ? rtcpDown : rtcpUp).incrementAndGet();
          if (fromServer && holdsBye(data)) rtcpDownByes.incrementAndGet();
        }
        DatagramPacket out = new DatagramPacket(data, data.length, to);
        if (delay == 0) {
          send(out);
        } else {
          later.schedule(() -> send(out), delay, TimeUnit.MILLISECONDS);
        }
      }
    }

    private void send(DatagramPacket p) {
      try {
        socket.send(p);
      } catch (IOException ignored) {
        // closing
      }
    }
  }

  /** Walks the compound by its length fields looking for packet type 203. */
  private static boolean holdsBye(byte[] d) {
    int p = 0;
    while (p + 4 <= d.length) {
      if ((d[p + 1] & 0xff) == 203) return true;
      p += 4 * ((((d[p + 2] & 0xff) << 8) | (d[p + 3] & 0xff)) + 1);
    }
    return false;
  }

  /** Points the peer's media at our RTP relay, remembering Parley's port for the way back. */
  private byte[] rewriteSdp(byte[] data) {
    String text = new String(data, StandardCharsets.ISO_8859_1);
    Matcher m = AUDIO_PORT.matcher(text);
    if (!m.find()) return data;
    String port = m.group(1);
    String ours = Integer.toString(rtp.socket.getLocalPort());
    if (port.length() != ours.length()) {
      throw new IllegalStateException("Parley's RTP port " + port + " and the relay's " + ours + " differ in length");
    }
    serverRtpPort = Integer.parseInt(port);
    return (text.substring(0, m.start(1)) + ours + text.substring(m.end(1))).getBytes(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() {
    closed = true;
    sip.socket.close();
    rtp.socket.close();
    rtcp.socket.close();
    later.shutdownNow();
  }
}
