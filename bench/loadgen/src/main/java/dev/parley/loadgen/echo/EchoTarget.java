package dev.parley.loadgen.echo;

import dev.parley.loadgen.sip.Sdp;
import dev.parley.loadgen.sip.SipMessage;
import dev.parley.loadgen.sip.SipText;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * The minimal target for measuring the generator alone: a UAS that answers every INVITE with 200
 * and a PCMU answer, answers BYE and OPTIONS with 200, and sends every RTP packet straight back to
 * where it came from.
 *
 * <p>Every call is answered with the same RTP port: one socket, read without a selector, is the
 * cheapest target the kernel allows, so that what is measured is the generator. (Per-call ports
 * on the target side cost the sender too: each packet delivered to a socket in an epoll set runs
 * the epoll callback in the sender's system call.)
 *
 * <p>Two daemon threads: SIP (blocking receive; a retransmitted INVITE gets the same 200 again,
 * which is all the reliability loopback needs since the UAC retransmits until it hears an answer)
 * and RTP (non-blocking reads until the socket is empty, then a 1 ms pause: polled rather than woken
 * per packet, because on a VM the cross-CPU wake-up of a sleeping thread costs the sender more than
 * the packet; echoes are up to 1 ms late). {@link #close()} stops them.
 */
public final class EchoTarget implements AutoCloseable {

  private static final long POLL_NANOS = 1_000_000;

  private final String host;
  private final DatagramChannel sip;
  private final DatagramChannel rtp;
  private final Set<String> dialogs = new HashSet<>();
  private final Thread sipThread;
  private final Thread rtpThread;
  private volatile boolean running = true;
  private volatile long echoed;
  private long tags;

  private EchoTarget(InetSocketAddress listen) throws IOException {
    host = listen.getAddress().getHostAddress();
    sip = DatagramChannel.open();
    sip.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
    sip.bind(listen);
    rtp = DatagramChannel.open();
    rtp.setOption(StandardSocketOptions.SO_RCVBUF, 8 << 20);
    rtp.setOption(StandardSocketOptions.SO_SNDBUF, 8 << 20);
    rtp.bind(new InetSocketAddress(listen.getAddress(), 0));
    rtp.configureBlocking(false);
    sipThread = Thread.ofPlatform().name("echo-sip").daemon().unstarted(this::sipLoop);
    rtpThread = Thread.ofPlatform().name("echo-rtp").daemon().unstarted(this::rtpLoop);
  }

  /** Binds {@code listen} (port 0: any) and starts answering. */
  public static EchoTarget start(InetSocketAddress listen) throws IOException {
    EchoTarget t = new EchoTarget(listen);
    t.sipThread.start();
    t.rtpThread.start();
    return t;
  }

  public InetSocketAddress sipAddress() throws IOException {
    return (InetSocketAddress) sip.getLocalAddress();
  }

  /** RTP packets echoed so far (read after close for an exact figure). */
  public long echoed() {
    return echoed;
  }

  private void sipLoop() {
    ByteBuffer in = ByteBuffer.allocate(65536);
    while (running) {
      SocketAddress from;
      try {
        in.clear();
        from = sip.receive(in);
      } catch (IOException e) {
        return; // closed
      }
      try {
        SipMessage m = SipMessage.parse(in.array(), 0, in.position());
        String reply = m.isResponse() ? null : answer(m);
        if (reply != null) sip.send(ByteBuffer.wrap(reply.getBytes(StandardCharsets.UTF_8)), from);
      } catch (IllegalArgumentException | IOException e) {
        // unreadable or unanswerable datagram: dropped
      }
    }
  }

  private String answer(SipMessage m) throws IOException {
    switch (m.method()) {
      case "INVITE" -> {
        // The same answer for a retransmission: the tag is derived from the Call-ID.
        dialogs.add(m.callId());
        String tag = "e" + Integer.toHexString(m.callId().hashCode());
        int port = ((InetSocketAddress) rtp.getLocalAddress()).getPort();
        String contact = "Contact: <sip:echo@" + host + ":" + sipAddress().getPort() + ">\r\n";
        return SipText.response(m, 200, "OK", tag, contact, Sdp.pcmu(host, port, ++tags));
      }
      case "BYE" -> {
        boolean known = dialogs.remove(m.callId());
        return SipText.response(m, known ? 200 : 481, known ? "OK" : "Call/Transaction Does Not Exist", null, "", "");
      }
      case "ACK" -> {
        return null;
      }
      case "OPTIONS" -> {
        return SipText.response(m, 200, "OK", null, "", "");
      }
      default -> {
        return SipText.response(m, 501, "Not Implemented", null, "", "");
      }
    }
  }

  private void rtpLoop() {
    ByteBuffer buf = ByteBuffer.allocateDirect(2048);
    long n = 0;
    while (running) {
      try {
        buf.clear();
        SocketAddress from = rtp.receive(buf);
        if (from == null) {
          echoed = n;
          LockSupport.parkNanos(POLL_NANOS);
          continue;
        }
        buf.flip();
        rtp.send(buf, from);
        n++;
      } catch (IOException e) {
        if (!running) return; // closed
      }
    }
  }

  @Override
  public void close() throws IOException {
    running = false;
    sip.close();
    try {
      sipThread.join(2000);
      rtpThread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    rtp.close();
  }
}
