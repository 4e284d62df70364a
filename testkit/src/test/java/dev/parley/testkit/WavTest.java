package dev.parley.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavTest {

    @TempDir
    Path dir;

    @Test
    void writtenFileReadsBackIdentically() throws IOException {
        Wav tone = Wav.tone(8000, 450, 0.5, -10);
        Path f = dir.resolve("t.wav");
        tone.write(f);

        Wav back = Wav.read(f);

        assertThat(back.sampleRateHz()).isEqualTo(8000);
        assertThat(back.samples()).containsExactly(tone.samples());
        assertThat(Files.size(f)).isEqualTo(44 + 2 * 4000);
    }

    @Test
    void chunksInAnyOrderAndUnknownChunksAreAccepted() {
        short[] pcm = {1, -2, 3, -32768, 32767};
        byte[] bytes = riff(chunk("LIST", new byte[] {1, 2, 3}), chunk("data", le(pcm)), chunk("fmt ", fmt(16000)));

        Wav w = Wav.parse(bytes);

        assertThat(w.sampleRateHz()).isEqualTo(16000);
        assertThat(w.samples()).containsExactly(pcm);
    }

    @Test
    void dataSizeNeverPatchedByTheRecorderMeansReadToTheEnd() {
        short[] pcm = {10, 20, 30, 40};
        byte[] data = chunk("data", le(pcm));
        ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 0); // size field left at 0
        Wav w = Wav.parse(riff(chunk("fmt ", fmt(8000)), data));

        assertThat(w.samples()).containsExactly(pcm);
    }

    @Test
    void stereoIsMixedDownToMono() {
        // baresip records Opus (opus/48000/2) in two channels.
        byte[] fmt = fmt(48000);
        ByteBuffer.wrap(fmt).order(ByteOrder.LITTLE_ENDIAN).putShort(2, (short) 2);
        Wav w = Wav.parse(riff(chunk("fmt ", fmt), chunk("data", le(new short[] {100, 300, -50, -150}))));
        assertThat(w.samples()).containsExactly((short) 200, (short) -100);
    }

    @Test
    void moreThanTwoChannelsAreRejectedWithTheReason() {
        byte[] fmt = fmt(8000);
        ByteBuffer.wrap(fmt).order(ByteOrder.LITTLE_ENDIAN).putShort(2, (short) 3);
        assertThatThrownBy(() -> Wav.parse(riff(chunk("fmt ", fmt), chunk("data", new byte[6]))))
                .hasMessageContaining("channels=3");
    }

    @Test
    void notRiffIsRejected() {
        assertThatThrownBy(() -> Wav.parse("hello world, not a wav".getBytes()))
                .hasMessageContaining("RIFF");
    }

    @Test
    void toneHasTheRequestedPeakAndLength() {
        Wav t = Wav.tone(8000, 1000, 2, -6);
        int peak = 0;
        for (short s : t.samples()) peak = Math.max(peak, Math.abs(s));

        assertThat(t.durationSeconds()).isEqualTo(2.0);
        assertThat(20 * Math.log10(peak / 32767.0)).isBetween(-6.1, -5.9);
        assertThat(t.rmsDb(0.5, 1.5)).isBetween(-9.2, -8.8); // sine RMS is 3 dB below its peak
    }

    @Test
    void silenceIsSilent() {
        assertThat(Wav.silence(8000, 1).rmsDb(0, 1)).isLessThan(-150);
    }

    @Test
    void loopRepeatsAndPadAppendsSilence() {
        Wav one = new Wav(8000, new short[] {1, 2, 3});
        assertThat(one.loopTo(7 / 8000.0).samples()).containsExactly(1, 2, 3, 1, 2, 3, 1);
        assertThat(one.padTo(5 / 8000.0).samples()).containsExactly(1, 2, 3, 0, 0);
        assertThat(one.concat(one).samples()).containsExactly(1, 2, 3, 1, 2, 3);
        assertThat(one.padTo(0.0001).slice(1 / 8000.0, 3 / 8000.0).samples()).containsExactly(2, 3);
    }

    private static byte[] riff(byte[]... chunks) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("WAVE".getBytes());
        for (byte[] c : chunks) body.writeBytes(c);
        ByteBuffer b = ByteBuffer.allocate(8 + body.size()).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(body.size()).put(body.toByteArray());
        return b.array();
    }

    private static byte[] chunk(String id, byte[] data) {
        int padded = data.length + (data.length & 1);
        ByteBuffer b = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        b.put(id.getBytes()).putInt(data.length).put(data);
        return b.array();
    }

    private static byte[] fmt(int rate) {
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16);
        return b.array();
    }

    private static byte[] le(short[] pcm) {
        ByteBuffer b = ByteBuffer.allocate(pcm.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : pcm) b.putShort(s);
        return b.array();
    }

    @Test
    void aRecordingWhoseHeaderLagsItsAudioReadsAsFarAsTheHeaderSays() {
        byte[] full = Wav.tone(8000, 440, 1, -10).toBytes();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(full).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putInt(40, 8000); // the data chunk says 0.5 s; 0.5 s more follows it, as after a kill -9
        b.putInt(4, 36 + 8000);
        org.assertj.core.api.Assertions.assertThat(Wav.parse(full).samples()).hasSize(4000);
    }
}
