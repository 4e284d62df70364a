package dev.parley.testkit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Mono 16-bit PCM audio with its sample rate, as read from or written to a RIFF/WAVE file.
 *
 * <p>The {@code samples} array is owned by the caller and not copied: do not share it between
 * threads while one of them writes it. Times are in seconds, levels in dBFS where a full-scale
 * sine is 0 dBFS.
 *
 * <p>{@link #read} accepts the chunks in any order, skips chunks it does not know ({@code LIST},
 * {@code fact}, ...), and tolerates a {@code data} size that was never patched (0 or larger than
 * the file, as a recorder that was killed leaves it): it then takes the bytes that are there.
 */
public record Wav(int sampleRateHz, short[] samples) {

    public Wav {
        if (sampleRateHz <= 0) throw new IllegalArgumentException("sample rate " + sampleRateHz);
    }

    /** Reads a PCM16 mono WAV file; anything else is an {@link IOException} naming the file. */
    public static Wav read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return parse(bytes);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Parses the bytes of a PCM16 mono WAV file. */
    public static Wav parse(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 12 || b.getInt(0) != fourCc("RIFF") || b.getInt(8) != fourCc("WAVE")) {
            throw new IllegalArgumentException("not a RIFF/WAVE file");
        }
        int rate = -1;
        boolean stereo = false;
        short[] samples = null;
        int pos = 12;
        // long arithmetic: bytes after the data chunk (a recording whose header lags its audio) can read as a
        // chunk of 2 GB, and pos + 8 must not wrap round to a negative index.
        while ((long) pos + 8 <= bytes.length) {
            int id = b.getInt(pos);
            long size = Integer.toUnsignedLong(b.getInt(pos + 4));
            int body = pos + 8;
            long available = bytes.length - body;
            if (id == fourCc("fmt ")) {
                if (size < 16 || available < 16) throw new IllegalArgumentException("short fmt chunk");
                int format = b.getShort(body) & 0xffff;
                int channels = b.getShort(body + 2);
                int bits = b.getShort(body + 14);
                // 0xFFFE is WAVE_FORMAT_EXTENSIBLE, which sox writes for some inputs; the subformat is PCM then too.
                if ((format != 1 && format != 0xFFFE) || (channels != 1 && channels != 2) || bits != 16) {
                    throw new IllegalArgumentException("want PCM16 mono or stereo, got format=" + format
                            + " channels=" + channels + " bits=" + bits);
                }
                rate = b.getInt(body + 4);
                stereo = channels == 2;
            } else if (id == fourCc("data")) {
                long length = (size == 0 || size > available) ? available : size;
                samples = new short[(int) (length / 2)];
                b.position(body);
                b.asShortBuffer().get(samples);
                size = length;
            }
            pos = (int) Math.min(Integer.MAX_VALUE - 8, body + size + (size & 1)); // chunks are padded to even sizes
        }
        if (rate < 0) throw new IllegalArgumentException("no fmt chunk");
        if (samples == null) throw new IllegalArgumentException("no data chunk");
        if (stereo) {
            // baresip records Opus (opus/48000/2, RFC 7587 §7) in two channels: mix them down.
            short[] mono = new short[samples.length / 2];
            for (int i = 0; i < mono.length; i++) mono[i] = (short) ((samples[2 * i] + samples[2 * i + 1]) / 2);
            samples = mono;
        }
        return new Wav(rate, samples);
    }

    /** Writes a canonical 44-byte-header PCM16 mono WAV file, replacing {@code file}. */
    public void write(Path file) throws IOException {
        Files.write(file, toBytes());
    }

    public byte[] toBytes() {
        int dataBytes = samples.length * 2;
        ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(fourCc("RIFF")).putInt(36 + dataBytes).putInt(fourCc("WAVE"));
        b.putInt(fourCc("fmt ")).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(sampleRateHz).putInt(sampleRateHz * 2).putShort((short) 2).putShort((short) 16);
        b.putInt(fourCc("data")).putInt(dataBytes);
        b.asShortBuffer().put(samples);
        return b.array();
    }

    // ---- generators -------------------------------------------------------------------------

    /** A sine of {@code freqHz} whose peak is {@code levelDbfs}, with 5 ms ramps against clicks. */
    public static Wav tone(int sampleRateHz, double freqHz, double seconds, double levelDbfs) {
        int n = samplesFor(sampleRateHz, seconds);
        double amplitude = 32767 * Math.pow(10, levelDbfs / 20);
        int ramp = Math.min(n / 2, sampleRateHz / 200);
        short[] s = new short[n];
        for (int i = 0; i < n; i++) {
            double gain = Math.min(1.0, Math.min(i, n - 1 - i) / (double) Math.max(1, ramp));
            s[i] = (short) Math.round(gain * amplitude * Math.sin(2 * Math.PI * freqHz * i / sampleRateHz));
        }
        return new Wav(sampleRateHz, s);
    }

    public static Wav silence(int sampleRateHz, double seconds) {
        return new Wav(sampleRateHz, new short[samplesFor(sampleRateHz, seconds)]);
    }

    /** Writes {@link #tone} to a file and returns the file. */
    public static Path writeTone(Path file, int sampleRateHz, double freqHz, double seconds, double levelDbfs)
            throws IOException {
        tone(sampleRateHz, freqHz, seconds, levelDbfs).write(file);
        return file;
    }

    /** Writes {@link #silence} to a file and returns the file. */
    public static Path writeSilence(Path file, int sampleRateHz, double seconds) throws IOException {
        silence(sampleRateHz, seconds).write(file);
        return file;
    }

    // ---- editing ----------------------------------------------------------------------------

    public double durationSeconds() {
        return samples.length / (double) sampleRateHz;
    }

    /** This audio followed by {@code other}; both must have the same rate. */
    public Wav concat(Wav other) {
        requireSameRate(other);
        short[] s = Arrays.copyOf(samples, samples.length + other.samples.length);
        System.arraycopy(other.samples, 0, s, samples.length, other.samples.length);
        return new Wav(sampleRateHz, s);
    }

    /** This audio repeated until it lasts at least {@code seconds} (cut there); silence if empty. */
    public Wav loopTo(double seconds) {
        int n = samplesFor(sampleRateHz, seconds);
        short[] s = new short[Math.max(n, samples.length)];
        if (samples.length > 0) {
            for (int i = 0; i < s.length; i++) s[i] = samples[i % samples.length];
        }
        return new Wav(sampleRateHz, s);
    }

    /** This audio followed by silence up to {@code seconds}; unchanged if already longer. */
    public Wav padTo(double seconds) {
        int n = samplesFor(sampleRateHz, seconds);
        return n <= samples.length ? this : new Wav(sampleRateHz, Arrays.copyOf(samples, n));
    }

    /** The samples from {@code startSec} to {@code endSec}, clamped to the audio. */
    public Wav slice(double startSec, double endSec) {
        int from = clampIndex(startSec), to = Math.max(from, clampIndex(endSec));
        return new Wav(sampleRateHz, Arrays.copyOfRange(samples, from, to));
    }

    /** RMS level of the samples from {@code startSec} to {@code endSec} in dBFS (RMS of a full-scale square = 0). */
    public double rmsDb(double startSec, double endSec) {
        int from = clampIndex(startSec), to = clampIndex(endSec);
        if (to <= from) return Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (int i = from; i < to; i++) sum += (double) samples[i] * samples[i];
        return 10 * Math.log10(sum / (to - from) / (32768.0 * 32768.0) + 1e-20);
    }

    /** Goertzel level of {@code freqHz} between the two times, see {@link Goertzel#levelDb(Wav, double, double, double)}. */
    public double levelDb(double freqHz, double startSec, double endSec) {
        return Goertzel.levelDb(this, freqHz, startSec, endSec);
    }

    int clampIndex(double seconds) {
        long i = Math.round(seconds * sampleRateHz);
        return (int) Math.max(0, Math.min(samples.length, i));
    }

    private void requireSameRate(Wav other) {
        if (other.sampleRateHz != sampleRateHz) {
            throw new IllegalArgumentException("rates differ: " + sampleRateHz + " vs " + other.sampleRateHz);
        }
    }

    private static int samplesFor(int rateHz, double seconds) {
        return (int) Math.round(seconds * rateHz);
    }

    private static int fourCc(String s) {
        return (s.charAt(0)) | (s.charAt(1) << 8) | (s.charAt(2) << 16) | (s.charAt(3) << 24);
    }

    @Override
    public String toString() {
        return "Wav[" + sampleRateHz + " Hz, " + samples.length + " samples, "
                + String.format("%.2f s]", durationSeconds());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Wav w && w.sampleRateHz == sampleRateHz && Arrays.equals(w.samples, samples);
    }

    @Override
    public int hashCode() {
        return 31 * sampleRateHz + Arrays.hashCode(samples);
    }
}
