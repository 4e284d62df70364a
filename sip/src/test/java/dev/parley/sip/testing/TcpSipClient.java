package dev.parley.sip.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Predicate;

/** A SIP peer over one TCP connection to the server; frames messages by Content-Length. */
public final class TcpSipClient implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

  private TcpSipClient(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
  }

  public static TcpSipClient connect(int serverPort) {
    try {
      return new TcpSipClient(new Socket(InetAddress.getLoopbackAddress(), serverPort));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Over a socket already connected, e.g. a TLS one. */
  public static TcpSipClient over(Socket connected) throws IOException {
    return new TcpSipClient(connected);
  }

  public int localPort() {
    return socket.getLocalPort();
  }

  public void send(String text) {
    try {
      socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The next message that matches, or null after the timeout. */
  public SipText await(Predicate<SipText> match, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (true) {
        SipText m = nextBuffered();
        if (m != null) {
          if (match.test(m)) return m;
          continue;
        }
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) return null;
        socket.setSoTimeout((int) Math.max(1, left));
        byte[] buf = new byte[8192];
        int n;
        try {
          n = in.read(buf);
        } catch (SocketTimeoutException e) {
          return null;
        }
        if (n < 0) return null;
        pending.write(buf, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private SipText nextBuffered() {
    String text = pending.toString(StandardCharsets.ISO_8859_1);
    while (text.startsWith("\r\n")) text = text.substring(2); // keep-alives
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) return null;
    int length = 0;
    for (String line : text.substring(0, end).split("\r\n")) {
      String l = line.toLowerCase(Locale.ROOT);
      if (l.startsWith("content-length:") || l.startsWith("l:")) length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
    }
    if (text.length() < end + 4 + length) return null;
    String message = text.substring(0, end + 4 + length);
    String rest = text.substring(end + 4 + length);
    pending.reset();
    pending.writeBytes(rest.getBytes(StandardCharsets.ISO_8859_1));
    return SipText.parse(new String(message.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing
    }
  }
}
