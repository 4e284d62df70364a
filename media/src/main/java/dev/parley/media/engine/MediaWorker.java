package dev.parley.media.engine;

import dev.parley.media.rtcp.NtpTime;
import dev.parley.media.rtcp.RtcpParser;
import dev.parley.media.rtp.RtpPacket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A media thread: owns a selector with the RTP sockets of its rooms and ticks each room on absolute
 * deadlines, so clocks do not drift and no room waits on another worker's lock.
 *
 * <p>It never blocks in the selector. It sleeps to the next point of a grid ({@link #POLL_NANOS})
 * and then reads whatever has arrived on all its sockets at once: a worker woken by every packet made
 * every packet cost a cross-CPU wake-up, which on a virtual machine is dearer than the datagram, and
 * it was paid by the sender's thread. The rooms of a worker tick on the same grid (each on a multiple
 * of its interval from the worker's epoch), so one wake-up ticks them all; a packet waits at most one
 * poll step before it reaches its jitter buffer.
 *
 * <p>Other threads talk to it only through {@link #post}, a multi-producer queue drained once per
 * loop, like pjmedia's conference op queue; posting unparks the thread.
 */
final class MediaWorker implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(MediaWorker.class);
  /** How often the sockets are read: 5 ms divides every room interval (10, 20, 30 ms). */
  static final long POLL_NANOS = 5_000_000L;

  private final Selector selector;
  private final ConcurrentLinkedQueue<Runnable> ops = new ConcurrentLinkedQueue<>();
  private final Thread thread;
  private final AtomicInteger roomsAssigned = new AtomicInteger();
  private volatile boolean running = true;

  private RoomMedia[] rooms = new RoomMedia[16];
  private int roomCount;
  private final ByteBuffer rxBuffer = ByteBuffer.allocateDirect(2048);
  private final byte[] rxBytes = new byte[2048];
  private final ByteBuffer txBuffer = ByteBuffer.allocateDirect(2048);
  private final RtpPacket rtp = new RtpPacket();
  private final RtcpParser rtcp = new RtcpParser();
  /** The SR clock of every member on this worker. */
  final NtpTime ntp = NtpTime.system();
  private long loopNanos;
  private final long epochNanos = System.nanoTime();
  private final Consumer<SelectionKey> onReadable = this::onReadable;
  volatile long sendErrors;
  private final TickStats tickStats;
  /** 0, or the SCHED_FIFO priority this thread asks for when it starts (its log line says if it got it). */
  private final int realtimePriority;

  MediaWorker(int index, int realtimePriority) throws IOException {
    this.realtimePriority = realtimePriority;
    this.selector = Selector.open();
    this.tickStats = new TickStats(index);
    this.thread = Thread.ofPlatform().name("parley-media-" + index).daemon(true).unstarted(this);
    this.thread.setPriority(Thread.MAX_PRIORITY);
  }

  void start() {
    thread.start();
  }

  Selector selector() {
    return selector;
  }

  TickStats tickStats() {
    return tickStats;
  }

  int load() {
    return roomsAssigned.get();
  }

  void post(Runnable op) {
    ops.add(op);
    LockSupport.unpark(thread);
  }

  void addRoom(RoomMedia room) {
    roomsAssigned.incrementAndGet();
    post(() -> {
      if (roomCount == rooms.length) rooms = Arrays.copyOf(rooms, roomCount * 2);
      room.nextTickNanos = nextGridPoint(System.nanoTime(), room.intervalNanos());
      rooms[roomCount++] = room;
    });
  }

  /** Called on this thread by {@link RoomMedia#close}. */
  void removeRoom(RoomMedia room) {
    for (int i = 0; i < roomCount; i++) {
      if (rooms[i] == room) {
        rooms[i] = rooms[--roomCount];
        rooms[roomCount] = null;
        roomsAssigned.decrementAndGet();
        return;
      }
    }
  }

  /** The first point after {@code now} on the grid of {@code step} from this worker's epoch. */
  private long nextGridPoint(long now, long step) {
    return epochNanos + ((now - epochNanos) / step + 1) * step;
  }

  void shutdown() {
    running = false;
    LockSupport.unpark(thread);
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      selector.close();
    } catch (IOException ignored) {
      // shutting down anyway
    }
  }

  @Override
  public void run() {
    if (realtimePriority > 0) {
      java.util.Optional<String> failed = RealtimeScheduling.applyFifoToCurrentThread(realtimePriority);
      if (failed.isEmpty()) log.info("{} runs under SCHED_FIFO, priority {}", thread.getName(), realtimePriority);
      else log.warn("{} keeps ordinary scheduling: SCHED_FIFO {} {}", thread.getName(), realtimePriority, failed.get());
    }
    while (running) {
      try {
        long now = System.nanoTime();
        long next = nextGridPoint(now, POLL_NANOS);
        for (int i = 0; i < roomCount; i++) next = Math.min(next, rooms[i].nextTickNanos);
        if (next - now > 0 && ops.isEmpty()) LockSupport.parkNanos(this, next - now);
        // Ticks first, reads after: a room's packets then leave on the grid point however much
        // input arrived since the last poll (reading a burst of 500 packets first moved them by
        // milliseconds). What arrives meanwhile waits for the next tick, inside the playout delay.
        now = System.nanoTime();
        for (int i = 0; i < roomCount; i++) tickIfDue(rooms[i], now);
        loopNanos = System.nanoTime();
        selector.selectNow(onReadable);
        Runnable op;
        while ((op = ops.poll()) != null) runOp(op);
      } catch (IOException | RuntimeException e) {
        log.error("media worker {} loop error; continuing", thread.getName(), e);
      }
    }
  }

  private void tickIfDue(RoomMedia room, long now) {
    int ticks = 0;
    while (now - room.nextTickNanos >= 0 && ticks < 5) {
      boolean late = now - room.nextTickNanos > room.intervalNanos();
      long started = System.nanoTime();
      room.tick(now);
      tickStats.recordTick(System.nanoTime() - started, late);
      room.nextTickNanos += room.intervalNanos();
      ticks++;
    }
    if (now - room.nextTickNanos >= 0) {
      // More than five ticks behind (the machine stalled): skip ahead instead of bursting audio.
      room.overruns++;
      tickStats.recordSkipped();
      room.nextTickNanos = nextGridPoint(now, room.intervalNanos());
    }
  }

  private void runOp(Runnable op) {
    try {
      op.run();
    } catch (RuntimeException e) {
      log.error("media operation failed", e);
    }
  }

  private void onReadable(SelectionKey key) {
    Object attachment = key.attachment();
    if (attachment instanceof MemberMedia m) {
      m.drain(rxBuffer, rxBytes, rtp, loopNanos);
    } else if (attachment instanceof MemberMedia.RtcpKey k) {
      k.member().drainRtcp(rxBuffer, rxBytes, rtcp);
    }
  }

  void send(DatagramChannel channel, byte[] bytes, int length, InetSocketAddress target) {
    txBuffer.clear();
    txBuffer.put(bytes, 0, length);
    txBuffer.flip();
    try {
      channel.send(txBuffer, target);
    } catch (IOException e) {
      sendErrors++;
    }
  }
}
