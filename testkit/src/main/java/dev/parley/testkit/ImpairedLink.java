package dev.parley.testkit;

import java.io.IOException;
import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One direction of an impaired path: datagrams {@link #offer offered} to it are dropped, delayed,
 * held back or duplicated as its {@link Impairment} says, and handed to the {@link Sender} by a
 * delivery thread of its own when they are due. Decisions are drawn in arrival order from a
 * generator seeded by the impairment, a fixed number of draws per packet, so the same packets get the
 * same fate in every run; only the wall-clock time of a delivery depends on the machine.
 *
 * <p>Test code: it copies every datagram. Thread-safe: any thread may offer.
 */
public final class ImpairedLink implements AutoCloseable {

    /** Where due datagrams go. */
    @FunctionalInterface
    public interface Sender {
        void send(byte[] datagram, int length) throws IOException;
    }

    /** Counts of what the link did so far; {@code reordered} counts deliveries that overtook an earlier offer. */
    public record Stats(long offered, long dropped, long duplicated, long heldBack, long delivered, long reordered) {
        public double lossFraction() {
            return offered == 0 ? 0 : (double) dropped / offered;
        }

        @Override
        public String toString() {
            return String.format("offered %d, dropped %d (%.1f%%), duplicated %d, held back %d, delivered %d, reordered %d",
                    offered, dropped, 100 * lossFraction(), duplicated, heldBack, delivered, reordered);
        }
    }

    private record Due(long atNanos, long order, long offerIndex, byte[] datagram) implements Comparable<Due> {
        @Override
        public int compareTo(Due o) {
            int c = Long.compare(atNanos, o.atNanos);
            return c != 0 ? c : Long.compare(order, o.order);
        }
    }

    private final Impairment impairment;
    private final Sender sender;
    private final SplittableRandom random;
    private final GilbertElliott loss;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final PriorityQueue<Due> queue = new PriorityQueue<>();
    private final Thread delivery;
    private long order;
    private long offered, dropped, duplicated, heldBack, delivered, reordered, highestDelivered = -1;
    private boolean closed;

    public ImpairedLink(String name, Impairment impairment, Sender sender) {
        this.impairment = impairment;
        this.sender = sender;
        this.random = new SplittableRandom(impairment.seed());
        this.loss = impairment.loss().fresh(); // the model has state; each link its own
        this.delivery = Thread.ofPlatform().daemon().name("impaired-" + name).start(this::deliver);
    }

    public Impairment impairment() {
        return impairment;
    }

    /** Takes a copy of {@code datagram[0, length)} and schedules it (or drops it). */
    public void offer(byte[] datagram, int length) {
        long now = System.nanoTime();
        lock.lock();
        try {
            if (closed) return;
            long index = offered++;
            // Four draws (two in the loss model) for every packet, whatever is switched on.
            boolean lost = loss.lose(random);
            double jitter = random.nextDouble(), reorder = random.nextDouble(), duplicate = random.nextDouble();
            if (lost) {
                dropped++;
                return;
            }
            long delayNanos = TimeUnit.MILLISECONDS.toNanos(impairment.delayMs())
                    + (long) (jitter * TimeUnit.MILLISECONDS.toNanos(impairment.jitterMs()));
            if (reorder < impairment.reorderFraction()) {
                delayNanos += TimeUnit.MILLISECONDS.toNanos(impairment.reorderHoldMs());
                heldBack++;
            }
            byte[] copy = Arrays.copyOf(datagram, length);
            queue.add(new Due(now + delayNanos, order++, index, copy));
            if (duplicate < impairment.duplicateFraction()) {
                queue.add(new Due(now + delayNanos, order++, index, copy));
                duplicated++;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public Stats stats() {
        lock.lock();
        try {
            return new Stats(offered, dropped, duplicated, heldBack, delivered, reordered);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            queue.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            delivery.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliver() {
        while (true) {
            Due next;
            lock.lock();
            try {
                while (true) {
                    if (closed) return;
                    Due head = queue.peek();
                    long wait = head == null ? TimeUnit.SECONDS.toNanos(1) : head.atNanos() - System.nanoTime();
                    if (head != null && wait <= 0) {
                        next = queue.poll();
                        delivered++;
                        if (next.offerIndex() < highestDelivered) reordered++;
                        highestDelivered = Math.max(highestDelivered, next.offerIndex());
                        break;
                    }
                    changed.awaitNanos(wait);
                }
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            try {
                sender.send(next.datagram(), next.datagram().length);
            } catch (IOException e) {
                // the socket closed under us: the relay is shutting down
            }
        }
    }
}
