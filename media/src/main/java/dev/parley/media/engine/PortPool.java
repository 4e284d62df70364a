package dev.parley.media.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;

/**
 * Hands out RTP/RTCP socket pairs from the configured range, round robin so that a port just freed is
 * not reused at once (late packets of the old call would land in the new one).
 *
 * <p>Control-plane only (called when calls start), so a plain monitor is fine here.
 */
final class PortPool {
  private final InetSocketAddress base;
  private final int first;
  private final int last;
  private int next;

  PortPool(String address, int min, int max) {
    this.base = new InetSocketAddress(address, 0);
    this.first = (min & 1) == 0 ? min : min + 1;
    this.last = max - 1;
    this.next = first;
  }

  /** A bound pair: {@code rtp} on an even port, {@code rtcp} on the odd port above it. */
  record Pair(DatagramChannel rtp, DatagramChannel rtcp, int port) {}

  synchronized Pair allocate() throws IOException {
    int span = (last - first) / 2 + 1;
    for (int i = 0; i < span; i++) {
      int port = next;
      next += 2;
      if (next > last) next = first;
      DatagramChannel rtp = null;
      try {
        rtp = open(port);
        DatagramChannel rtcp = open(port + 1);
        return new Pair(rtp, rtcp, port);
      } catch (IOException busy) {
        if (rtp != null) rtp.close();
      }
    }
    throw new IOException("no free RTP port pair in " + first + "-" + (last + 1));
  }

  private DatagramChannel open(int port) throws IOException {
    StandardProtocolFamily family =
        base.getAddress() instanceof java.net.Inet6Address
            ? StandardProtocolFamily.INET6
            : StandardProtocolFamily.INET;
    DatagramChannel ch = DatagramChannel.open(family);
    try {
      ch.bind(new InetSocketAddress(base.getAddress(), port));
      ch.configureBlocking(false);
      return ch;
    } catch (IOException e) {
      ch.close();
      throw e;
    }
  }
}
