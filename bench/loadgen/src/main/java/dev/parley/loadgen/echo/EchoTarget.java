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
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * The minimal target for measuring the generator alone: a UAS that answers every INVITE with 200
 * and a PCMU answer on a fresh RTP port, answers BYE and OPTIONS with 200, and sends every RTP packet
 * straight back to where it came from.
 *
 * <p>Two threads: SIP (blocking receive; a retransmitted INVITE gets the same 200 again, which is
 * all the reliability loopback needs since the UAC retransmits until it hears an answer) and RTP (one
 * {@link Selector}, one direct buffer, no allocation per packet). Both are daemon threads;
 * {@link #close()} stops them.
 */
public final class EchoTarget implements AutoCloseable {

  private final String host;
  private final DatagramChannel sip;
  private final Selector selector;
  private final Map<String, Dialog> dialogs = new HashMap<>();
  private final ConcurrentLinkedQueue<DatagramChannel> toRegister = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<DatagramChannel> toClose = new ConcurrentLinkedQueue<>();
  private final Thread sipThread;
  private final Thread rtpThread;
  private volatile boolean running = true;
  private long echoed;
  private long tags;

  private record Dialog(DatagramChannel rtp, String answer) {}

  private EchoTarget(InetSocketAddress listen) throws IOException {
    host = listen.getAddress().getHostAddress();
    sip = DatagramChannel.open();
    sip.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
    sip.bind(listen);
    selector = Selector.open();
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
        Dialog d = dialogs.get(m.callId());
        if (d == null) {
          DatagramChannel rtp = DatagramChannel.open();
          rtp.bind(new InetSocketAddress(host, 0));
          rtp.configureBlocking(false);
          int port = ((InetSocketAddress) rtp.getLocalAddress()).getPort();
          String contact = "Contact: <sip:echo@" + host + ":" + sipAddress().getPort() + ">\r\n";
          String tag = "e" + (++tags);
          d = new Dialog(rtp, SipText.response(m, 200, "OK", tag, contact, Sdp.pcmu(host, port, tags)));
          dialogs.put(m.callId(), d);
          toRegister.add(rtp);
          selector.wakeup();
        }
        return d.answer();
      }
      case "BYE" -> {
        Dialog d = dialogs.remove(m.callId());
        if (d != null) {
          toClose.add(d.rtp());
          selector.wakeup();
        }
        return SipText.response(m, d == null ? 481 : 200, d == null ? "Call/Transaction Does Not Exist" : "OK", null, "", "");
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
    Consumer<SelectionKey> echo = key -> {
      DatagramChannel ch = (DatagramChannel) key.channel();
      for (int i = 0; i < 8; i++) {
        buf.clear();
        try {
          SocketAddress from = ch.receive(buf); // the JDK reuses the address object while the sender stays the same
          if (from == null) return;
          buf.flip();
          ch.send(buf, from);
          echoed++;
        } catch (IOException e) {
          return;
        }
      }
    };
    try (selector) {
      while (running) {
        for (DatagramChannel ch; (ch = toRegister.poll()) != null; ) ch.register(selector, SelectionKey.OP_READ);
        for (DatagramChannel ch; (ch = toClose.poll()) != null; ) ch.close();
        selector.select(echo, 100);
      }
    } catch (IOException e) {
      // selector failed: the thread ends, close() reports nothing more
    }
  }

  @Override
  public void close() throws IOException {
    running = false;
    selector.wakeup();
    sip.close();
    try {
      sipThread.join(2000);
      rtpThread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Dialog d : dialogs.values()) d.rtp().close();
  }
}
