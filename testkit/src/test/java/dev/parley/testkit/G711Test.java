package dev.parley.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class G711Test {

    @Test
    void knownCodeWordsFromTheStandard() {
        assertThat(G711.linearToUlaw((short) 0)).isEqualTo((byte) 0xff);
        assertThat(G711.linearToAlaw((short) 0)).isEqualTo((byte) 0xd5);
        assertThat(G711.ulawToLinear((byte) 0x00)).isEqualTo((short) -32124);
        assertThat(G711.ulawToLinear((byte) 0x80)).isEqualTo((short) 32124);
        assertThat(G711.alawToLinear((byte) 0xd5)).isEqualTo((short) 8);
        assertThat(G711.alawToLinear((byte) 0xaa)).isEqualTo((short) 32256);
    }

    @Test
    void everyCodeWordDecodesAndReEncodesToItself() {
        for (int i = 0; i < 256; i++) {
            byte b = (byte) i;
            if (i != 0x7f) { // 0x7f and 0xff are both zero in mu-law; zero encodes as 0xff
                assertThat(G711.linearToUlaw(G711.ulawToLinear(b))).as("ulaw %02x", i).isEqualTo(b);
            }
            assertThat(G711.linearToAlaw(G711.alawToLinear(b))).as("alaw %02x", i).isEqualTo(b);
        }
    }

    @Test
    void quantisationErrorStaysWithinTheSegmentStep() {
        for (int x = -32768; x <= 32767; x += 7) {
            short s = (short) x;
            int eu = Math.abs(G711.ulawToLinear(G711.linearToUlaw(s)) - x);
            int ea = Math.abs(G711.alawToLinear(G711.linearToAlaw(s)) - x);
            int allowed = Math.max(16, Math.abs(x) / 16) + 1100 * (Math.abs(x) > 32000 ? 1 : 0);
            assertThat(eu).as("ulaw %d", x).isLessThanOrEqualTo(allowed);
            assertThat(ea).as("alaw %d", x).isLessThanOrEqualTo(allowed);
        }
    }
}
