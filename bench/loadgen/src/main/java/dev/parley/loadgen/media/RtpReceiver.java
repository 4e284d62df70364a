package dev.parley.loadgen.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The receiver thread: one {@link Selector} over every call's RTP socket; each packet that arrives is
 * read into one direct buffer and measured against its call, with no allocation per packet.
 *
 * <p>Per call it counts packets (in total, and inside the measuring window), sequence gaps (a jump
 * of more than one: packets missing; a step back: late or duplicate), and the inter-arrival jitter
 * of RFC 3550 §6.4.1 before smoothing: for consecutive packets i-1, i, |(R_i - R_{i-1}) - (S_i -
 * S_{i-1})| with R the arrival time and S the RTP timestamp in time units. Arrival time is when this
 * thread read the packet, so the figure includes the generator's own scheduling delay; with the
 * receiver keeping up that is tens of microseconds.
 *
 * <p>The window ({@link #openWindow}, {@link #closeWindow}) and the capture window for the tone
 * check are set by the controlling thread through volatile fields.
 */
public final class RtpReceiver implements Runnable {

  private static final long NANOS_PER_SAMPLE = 1_000_000_000L / AudioLoop.SAMPLE_RATE_HZ;
  private static final int MAX_DATAGRAM = 2048;

  private final Selector selector;
  private final ByteBuffer buffer = ByteBuffer.allocateDirect(MAX_DATAGRAM);
  private final Consumer<SelectionKey> onReady = this::onReady;
  private volatile boolean running = true;
  private volatile long windowStart = Long.MAX_VALUE, windowEnd = Long.MAX_VALUE;
  private volatile long captureStart = Long.MAX_VALUE, captureEnd = Long.MAX_VALUE;

  private final long pollNanos;

  /**
   * Registers every call's (non-blocking) channel, before the thread starts.
   *
   * @param pollNanos 0: block in the selector and read each packet as it arrives (exact arrival
   *     times, but every packet wakes this thread, and on a VM such a cross-CPU wake-up costs more
   *     than the packet); otherwise look every {@code pollNanos} and read whatever has arrived, so
   *     arrival times are known to that resolution only and the senders never wake anybody.
   */
  public RtpReceiver(List<Call> calls, long pollNanos) throws IOException {
    this.pollNanos = pollNanos;
    selector = Selector.open();
    for (Call c : calls) {
      c.channel.configureBlocking(false);
      c.channel.register(selector, SelectionKey.OP_READ, c);
    }
  }

  /** Counts packets from now on into the window figures. */
  public void openWindow() {
    windowStart = System.nanoTime();
  }

  public void closeWindow() {
    windowEnd = System.nanoTime();
  }

  /** Keeps what the sampled calls receive between now and {@code durationNanos} later. */
  public void captureFor(long durationNanos) {
    long s = System.nanoTime();
    captureEnd = s + durationNanos;
    captureStart = s;
  }

  public void stop() {
    running = false;
    selector.wakeup();
  }

  @Override
  public void run() {
    try (selector) {
      while (running) {
        if (pollNanos == 0) {
          selector.select(onReady, 100);
        } else {
          selector.selectNow(onReady);
          LockSupport.parkNanos(pollNanos);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void onReady(SelectionKey key) {
    Call c = (Call) key.attachment();
    ByteBuffer b = buffer;
    // Drain the socket: after a busy moment several packets may wait, and one select per packet costs more.
    for (int i = 0; i < 8; i++) {
      b.clear();
      int n;
      try {
        n = c.channel.isConnected() ? c.channel.read(b) : (c.channel.receive(b) == null ? 0 : b.position());
      } catch (IOException e) {
        c.receiveErrors++; // ICMP unreachable reported on the connected socket, or the channel was closed
        return;
      }
      if (n <= 0) return;
      if (c.active) onPacket(c, b, n, System.nanoTime());
    }
  }

  private void onPacket(Call c, ByteBuffer b, int n, long t) {
    if (n < 12 || (b.get(0) & 0xC0) != 0x80) {
      c.receiveErrors++;
      return;
    }
    int cc = b.get(0) & 0x0F;
    boolean extension = (b.get(0) & 0x10) != 0;
    int seq = b.getShort(2) & 0xffff;
    int ts = b.getInt(4);
    int payload = 12 + 4 * cc;
    if (extension && payload + 4 <= n) payload += 4 + 4 * (b.getShort(payload + 2) & 0xffff);
    if (payload > n) {
      c.receiveErrors++;
      return;
    }
    c.receivedTotal++;
    boolean inWindow = t >= windowStart && t < windowEnd;
    if (inWindow) c.receivedInWindow++;
    if (c.capture != null && t >= captureStart && t < captureEnd) {
      int len = Math.min(n - payload, c.capture.length - c.captureLength);
      for (int i = 0; i < len; i++) c.capture[c.captureLength + i] = b.get(payload + i);
      c.captureLength += len;
    }
    if (c.haveLast) {
      int step = (seq - c.lastSeq) & 0xffff;
      if (step == 0 || step >= 0x8000) {
        if (inWindow) {
          c.seqLateOrDuplicate++;
          // An overtaken packet did arrive: it counts as received if the window expects it. A repeat
          // of the newest one does not count twice (RFC 3550 would, and so hide a loss).
          long ext = c.extendedSeq - (0x10000 - step);
          if (step != 0 && c.windowFirstSeq >= 0 && ext >= c.windowFirstSeq) c.windowReceivedInRange++;
        }
        return; // the stream's position stays at the newest packet
      }
      c.extendedSeq += step;
      if (inWindow) {
        if (step > 1) {
          c.seqGaps++;
          c.seqMissing += step - 1;
        }
        long transit = (t - c.lastArrivalNanos) - (long) (ts - c.lastTimestamp) * NANOS_PER_SAMPLE;
        c.jitter.record(Math.abs(transit));
      }
    } else {
      c.extendedSeq = 0x10000L + seq; // room below for packets that were overtaken
    }
    if (inWindow) {
      if (c.windowFirstSeq < 0) c.windowFirstSeq = c.extendedSeq;
      c.windowHighestSeq = c.extendedSeq;
      c.windowReceivedInRange++;
    }
    c.haveLast = true;
    c.lastSeq = seq;
    c.lastTimestamp = ts;
    c.lastArrivalNanos = t;
  }
}
