package dev.parley.media.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PcmRingTest {

    @Test
    void samplesComeOutInTheOrderTheyWentIn() {
        PcmRing ring = new PcmRing(8);
        assertThat(ring.offer(new short[] {1, 2, 3}, 3)).isTrue();
        assertThat(ring.offer(new short[] {4, 5}, 2)).isTrue();
        short[] out = new short[8];
        assertThat(ring.drain(out)).isEqualTo(5);
        assertThat(out).startsWith(1, 2, 3, 4, 5);
    }

    @Test
    void aFrameThatDoesNotFitIsRefusedWholeAndNothingIsOverwritten() {
        PcmRing ring = new PcmRing(4);
        assertThat(ring.offer(new short[] {1, 2, 3}, 3)).isTrue();
        assertThat(ring.offer(new short[] {9, 9}, 2)).isFalse();
        short[] out = new short[4];
        assertThat(ring.drain(out)).isEqualTo(3);
        assertThat(out).startsWith(1, 2, 3);
    }

    @Test
    void theRingWrapsAroundItsCapacity() {
        PcmRing ring = new PcmRing(4);
        short[] out = new short[4];
        for (short i = 0; i < 10; i++) {
            assertThat(ring.offer(new short[] {i, (short) (i + 100), (short) (i + 200)}, 3)).isTrue();
            assertThat(ring.drain(out)).isEqualTo(3);
            assertThat(out).startsWith(i, (short) (i + 100), (short) (i + 200));
        }
    }
}
