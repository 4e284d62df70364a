package dev.parley.loadgen.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * One sender thread: every 20 ms, one PCMU packet for each of its active calls, on absolute
 * deadlines ({@code next += period}) so the clock does not drift with the work done.
 *
 * <p>The 20 ms are split into {@code slots} and call {@code i} sends in slot {@code i % slots}, so
 * the calls are spread over the period the way independent phones are, instead of one burst.
 * Packets are built in one direct buffer and written on the call's connected non-blocking channel:
 * no allocation per packet. The JDK has no {@code sendmmsg}, and with one socket per call there is
 * nothing to batch per socket anyway, so the floor is one {@code write} syscall per packet.
 *
 * <p>Lateness (how far past its deadline a slot started) is recorded, so a report can tell whether
 * the generator kept time.
 */
public final class RtpSender implements Runnable {

  private static final long PERIOD_NANOS = 20_000_000;
  private static final int RTP_HEADER = 12;
  private static final int PT_PCMU = 0;

  private final int slots;
  private final List<List<Call>> bySlot = new ArrayList<>();
  private final ConcurrentLinkedQueue<Call> added = new ConcurrentLinkedQueue<>();
  private final ByteBuffer packet = ByteBuffer.allocateDirect(RTP_HEADER + AudioLoop.FRAME_SAMPLES);
  private volatile boolean running = true;
  private volatile boolean measuring;
  private Call[][] slotCalls;
  private int[] slotSizes;

  // Written by the sender thread, read after join.
  private long lateOver2Ms;
  private long maxLateNanos;
  private long slotTicks;
  private long sentInWindow;

  public RtpSender(int slots) {
    if (slots < 1) throw new IllegalArgumentException("slots must be >= 1");
    this.slots = slots;
    for (int i = 0; i < slots; i++) bySlot.add(new ArrayList<>());
    slotCalls = new Call[slots][0];
    slotSizes = new int[slots];
  }

  /** Hands an answered call (its channel connected, {@code active} set) to this sender. Any thread. */
  public void add(Call call) {
    added.add(call);
  }

  /** Counts lateness from now on (the measured window), until {@link #closeWindow}. */
  public void openWindow() {
    measuring = true;
  }

  public void closeWindow() {
    measuring = false;
  }

  public void stop() {
    running = false;
  }

  @Override
  public void run() {
    long next = System.nanoTime();
    int slot = 0;
    long slotNanos = PERIOD_NANOS / slots;
    while (running) {
      long now = System.nanoTime();
      if (now < next) {
        LockSupport.parkNanos(next - now);
        continue;
      }
      if (measuring) {
        long late = now - next;
        slotTicks++;
        if (late > maxLateNanos) maxLateNanos = late;
        if (late > 2_000_000) lateOver2Ms++;
      }
      if (!added.isEmpty()) drainAdded();
      Call[] calls = slotCalls[slot];
      for (int i = 0, n = slotSizes[slot]; i < n; i++) {
        Call c = calls[i];
        if (c.active) send(c);
      }
      next += slotNanos;
      slot = slot + 1 == slots ? 0 : slot + 1;
    }
  }

  private void drainAdded() {
    for (Call c; (c = added.poll()) != null; ) {
      int s = c.index % slots;
      bySlot.get(s).add(c);
      slotCalls[s] = bySlot.get(s).toArray(new Call[0]);
      slotSizes[s] = slotCalls[s].length;
    }
  }

  private void send(Call c) {
    ByteBuffer b = packet;
    b.clear();
    b.put((byte) 0x80); // V=2, no padding, extension or CSRC
    b.put((byte) ((c.frameIndex == 0 ? 0x80 : 0) | PT_PCMU)); // marker on the first packet of the stream
    b.putShort((short) c.seq);
    b.putInt(c.timestamp);
    b.putInt(c.ssrc);
    b.put(c.audio.frame(c.frameIndex));
    b.flip();
    try {
      if (c.channel.write(b) == 0) {
        c.sendErrors++; // socket buffer full: counted as not sent
      } else {
        c.sent++;
        if (measuring) sentInWindow++;
      }
    } catch (IOException e) {
      c.sendErrors++; // e.g. ICMP port unreachable after the far end closed its port
    }
    c.seq = (c.seq + 1) & 0xffff;
    c.timestamp += AudioLoop.FRAME_SAMPLES;
    c.frameIndex++;
  }

  /** Slot starts in the window more than 2 ms after their deadline. Read after the thread ended. */
  public long lateOver2Ms() {
    return lateOver2Ms;
  }

  public long maxLateNanos() {
    return maxLateNanos;
  }

  /** Packets sent while the window was open. */
  public long sentInWindow() {
    return sentInWindow;
  }

  public long slotTicks() {
    return slotTicks;
  }
}
