package dev.parley.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImpairedLinkTest {

    /** Offers {@code n} one-byte-numbered datagrams 1 ms apart and collects the delivery order. */
    private static List<Integer> run(Impairment impairment, int n, Duration settle) throws Exception {
        List<Integer> delivered = new ArrayList<>();
        try (ImpairedLink link = new ImpairedLink("test", impairment, (d, len) -> {
            synchronized (delivered) {
                delivered.add(((d[0] & 0xff) << 8) | (d[1] & 0xff));
            }
        })) {
            for (int i = 0; i < n; i++) {
                link.offer(new byte[] {(byte) (i >> 8), (byte) i}, 2);
                Thread.sleep(1);
            }
            long deadline = System.nanoTime() + settle.toNanos();
            while (System.nanoTime() < deadline) {
                ImpairedLink.Stats s = link.stats();
                if (s.delivered() == s.offered() - s.dropped() + s.duplicated()) break;
                Thread.sleep(10);
            }
        }
        synchronized (delivered) {
            return List.copyOf(delivered);
        }
    }

    @Test
    void aCleanLinkDeliversEverythingInOrder() throws Exception {
        List<Integer> got = run(Impairment.none(), 300, Duration.ofSeconds(5));
        assertThat(got).hasSize(300).isSorted();
    }

    @Test
    void lossDropsAboutItsShareAndTheSameSeedDropsTheSamePackets() throws Exception {
        Impairment twentyPercent = Impairment.none().withLoss(0.2).withSeed(5);
        List<Integer> a = run(twentyPercent, 1000, Duration.ofSeconds(5));
        List<Integer> b = run(twentyPercent, 1000, Duration.ofSeconds(5));
        assertThat(a.size()).isBetween(750, 850);
        assertThat(a).isEqualTo(b);
    }

    @Test
    void heldBackPacketsAreOvertakenAndDuplicatesArriveTwice() throws Exception {
        List<Integer> got = run(Impairment.none().withReordering(0.2, 30).withDuplicates(0.1).withSeed(3), 400,
                Duration.ofSeconds(5));
        int outOfOrder = 0, highest = -1;
        for (int v : got) {
            if (v < highest) outOfOrder++;
            highest = Math.max(highest, v);
        }
        assertThat(outOfOrder).as("held back 30 ms while others come every ~1 ms").isBetween(40, 120);
        assertThat(got.size() - got.stream().distinct().count()).as("duplicates").isBetween(20L, 60L);
        assertThat(got.stream().distinct().count()).as("nothing lost").isEqualTo(400);
    }

    @Test
    void jitterDelaysEveryPacketWithinItsRange() throws Exception {
        long start = System.nanoTime();
        List<Integer> got = run(Impairment.none().withDelay(50, 100), 50, Duration.ofSeconds(5));
        assertThat(got).hasSize(50);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the last packets waited at least 50 ms")
                .isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(got).as("jitter of 100 ms on packets 1 ms apart reorders them").isNotEqualTo(got.stream().sorted().toList());
    }
}
