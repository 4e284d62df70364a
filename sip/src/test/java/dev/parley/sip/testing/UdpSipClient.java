package dev.parley.sip.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A SIP peer made of one UDP socket on loopback: sends text, waits for matching messages. */
public final class UdpSipClient implements AutoCloseable {
  private final DatagramSocket socket;
  private final List<SipText> received = new ArrayList<>();

  private UdpSipClient(DatagramSocket socket) {
    this.socket = socket;
  }

  /** Binds an ephemeral loopback port. */
  public static UdpSipClient open() {
    try {
      return new UdpSipClient(new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return socket.getLocalPort();
  }

  public void send(String text, int serverPort) {
    sendBytes(text.getBytes(StandardCharsets.UTF_8), serverPort);
  }

  public void sendBytes(byte[] bytes, int serverPort) {
    try {
      socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), serverPort));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The next message that matches, or null after the timeout. Non-matching ones are kept. */
  public SipText await(Predicate<SipText> match, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    byte[] buf = new byte[65_536];
    try {
      while (true) {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) return null;
        socket.setSoTimeout((int) Math.max(1, left));
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        try {
          socket.receive(p);
        } catch (SocketTimeoutException e) {
          return null;
        }
        SipText m = SipText.parse(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8));
        synchronized (received) {
          received.add(m);
        }
        if (match.test(m)) return m;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The next final response (>= 200) for this Call-ID and CSeq method. */
  public SipText awaitFinal(String callId, String cseqMethod, Duration timeout) {
    return await(m -> m.isResponse() && m.status() >= 200 && callId.equals(m.callId()) && cseqMethod.equals(m.cseqMethod()),
        timeout);
  }

  /** Everything received so far, for failure messages. */
  public List<SipText> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  @Override
  public void close() {
    socket.close();
  }
}
