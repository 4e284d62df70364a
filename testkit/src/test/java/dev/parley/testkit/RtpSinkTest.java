package dev.parley.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RtpSinkTest {

    @Test
    void parsesHeaderFieldsAndSkipsCsrcsAndExtension() {
        byte[] b = {
            (byte) 0x91, (byte) 0x88, 0x12, 0x34, 0, 0, 0x01, 0x40, (byte) 0xca, 0x11, 0, 1, // V=2 X=1 CC=1, M=1 PT=8
            0, 0, 0, 9,                                                                    // one CSRC
            (byte) 0xbe, (byte) 0xde, 0, 1, 1, 2, 3, 4,                                     // extension, 1 word
            (byte) 0xd5, (byte) 0xd5
        };
        RtpSink.Packet p = RtpSink.parse(b, b.length, 7, null);

        assertThat(p.payloadType()).isEqualTo(8);
        assertThat(p.marker()).isTrue();
        assertThat(p.sequence()).isEqualTo(0x1234);
        assertThat(p.timestamp()).isEqualTo(320);
        assertThat(p.ssrc()).isEqualTo(0xca110001L);
        assertThat(p.payload()).containsExactly(0xd5, 0xd5);
    }

    @Test
    void nonRtpIsNotParsed() {
        assertThat(RtpSink.parse(new byte[] {0, 1, 2}, 3, 0, null)).isNull();
        assertThat(RtpSink.parse(new byte[20], 20, 0, null)).isNull();
    }

    @Test
    void receivesAndDecodesWhatIsSentToIt() throws IOException, InterruptedException {
        try (RtpSink sink = RtpSink.open(0); RtpSink sender = RtpSink.open(0)) {
            Wav tone = Wav.tone(8000, 1000, 0.2, -10);
            byte[] ulaw = G711.encode(tone.samples(), G711.PT_PCMU);
            for (int i = 0; i < 10; i++) {
                byte[] pkt = new byte[12 + 160];
                pkt[0] = (byte) 0x80;
                pkt[3] = (byte) i;
                System.arraycopy(ulaw, 160 * i, pkt, 12, 160);
                sender.send(pkt, new InetSocketAddress("127.0.0.1", sink.port()));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (sink.packets().size() < 10 && System.nanoTime() < deadline) Thread.sleep(10);

            assertThat(sink.packets()).hasSize(10);
            Wav heard = sink.audioBetween(0, Long.MAX_VALUE);
            assertThat(heard.samples()).hasSize(1600);
            assertThat(heard.levelDb(1000, 0.02, 0.18)).isBetween(-10.5, -9.5);
        }
    }
}
