package dev.parley.testkit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an Opus-in-Ogg file (RFC 7845) as a player would, independently of the writer under test:
 * every page's capture pattern, version and CRC-32 are checked (RFC 3533 §6), packets are reassembled
 * from the lacing values, and the identification header is parsed. Decoding the packets is the test's
 * business (with any Opus decoder); this class only needs the JDK.
 *
 * @param channels       from OpusHead
 * @param preSkip        48 kHz samples to drop at the start (OpusHead)
 * @param inputRateHz    the rate the encoder was fed (OpusHead; informational)
 * @param vendor         the OpusTags vendor string
 * @param audioPackets   the packets after the two headers, in order
 * @param lastGranule    the granule position of the last page (48 kHz samples including pre-skip)
 * @param pages          how many pages the file has
 * @param endOfStream    whether the last page has the end-of-stream flag
 */
public record OggOpusFile(int channels, int preSkip, int inputRateHz, String vendor, List<byte[]> audioPackets,
        long lastGranule, int pages, boolean endOfStream) {

    public static OggOpusFile read(Path file) throws IOException {
        return parse(Files.readAllBytes(file));
    }

    /** @throws IllegalArgumentException naming the page and what is wrong with it */
    public static OggOpusFile parse(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        List<byte[]> packets = new ArrayList<>();
        java.io.ByteArrayOutputStream partial = new java.io.ByteArrayOutputStream();
        long granule = 0;
        int pages = 0;
        boolean eos = false;
        Integer serial = null;
        while (b.remaining() > 0) {
            int start = b.position();
            if (b.remaining() < 27) throw new IllegalArgumentException("page " + pages + ": truncated header at byte " + start);
            if (b.getInt() != 0x5367674f) throw new IllegalArgumentException("page " + pages + ": no OggS at byte " + start);
            if (b.get() != 0) throw new IllegalArgumentException("page " + pages + ": version is not 0");
            int type = b.get() & 0xff;
            granule = b.getLong();
            int s = b.getInt();
            if (serial == null) serial = s;
            else if (serial != s) throw new IllegalArgumentException("page " + pages + ": a second logical stream");
            int sequence = b.getInt();
            if (sequence != pages) throw new IllegalArgumentException("page " + pages + ": sequence number " + sequence);
            int crc = b.getInt();
            int count = b.get() & 0xff;
            if (b.remaining() < count) throw new IllegalArgumentException("page " + pages + ": truncated segment table");
            int[] lacing = new int[count];
            int bodyLength = 0;
            for (int i = 0; i < count; i++) bodyLength += lacing[i] = b.get() & 0xff;
            if (b.remaining() < bodyLength) throw new IllegalArgumentException("page " + pages + ": truncated body");
            byte[] page = java.util.Arrays.copyOfRange(bytes, start, b.position() + bodyLength);
            page[22] = page[23] = page[24] = page[25] = 0;
            if (crc(page) != crc) throw new IllegalArgumentException("page " + pages + ": CRC mismatch");
            if (pages == 0 && (type & 2) == 0) throw new IllegalArgumentException("page 0 lacks the beginning-of-stream flag");
            for (int l : lacing) {
                byte[] seg = new byte[l];
                b.get(seg);
                partial.write(seg, 0, l);
                if (l < 255) {
                    packets.add(partial.toByteArray());
                    partial.reset();
                }
            }
            eos = (type & 4) != 0;
            pages++;
        }
        if (packets.size() < 2) throw new IllegalArgumentException("fewer than two packets: no OpusHead and OpusTags");
        ByteBuffer head = ByteBuffer.wrap(packets.get(0)).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[8];
        head.get(magic);
        if (!new String(magic, StandardCharsets.US_ASCII).equals("OpusHead")) throw new IllegalArgumentException("no OpusHead");
        head.get(); // version
        int channels = head.get() & 0xff;
        int preSkip = head.getShort() & 0xffff;
        int inputRate = head.getInt();
        ByteBuffer tags = ByteBuffer.wrap(packets.get(1)).order(ByteOrder.LITTLE_ENDIAN);
        tags.get(magic);
        if (!new String(magic, StandardCharsets.US_ASCII).equals("OpusTags")) throw new IllegalArgumentException("no OpusTags");
        byte[] vendor = new byte[tags.getInt()];
        tags.get(vendor);
        return new OggOpusFile(channels, preSkip, inputRate, new String(vendor, StandardCharsets.UTF_8),
                List.copyOf(packets.subList(2, packets.size())), granule, pages, eos);
    }

    /** Decodes one Opus packet into {@code out} (mono, at the rate asked); returns the samples written. */
    @FunctionalInterface
    public interface PacketDecoder {
        int decode(byte[] packet, short[] out) throws Exception;
    }

    /**
     * Decodes every audio packet with {@code decoder} (any Opus decoder working at {@code rateHz}) and
     * drops the pre-skip, as a player does (RFC 7845 §4.2).
     */
    public Wav decode(int rateHz, PacketDecoder decoder) throws Exception {
        short[] frame = new short[rateHz * 120 / 1000];
        short[] all = new short[0];
        int length = 0;
        for (byte[] p : audioPackets) {
            int n = decoder.decode(p, frame);
            if (length + n > all.length) all = java.util.Arrays.copyOf(all, Math.max(2 * all.length, length + n));
            System.arraycopy(frame, 0, all, length, n);
            length += n;
        }
        int skip = (int) ((long) preSkip * rateHz / 48000);
        return new Wav(rateHz, java.util.Arrays.copyOfRange(all, Math.min(skip, length), length));
    }

    /** The playable length: the last granule less the pre-skip, at 48 kHz. */
    public double durationSeconds() {
        return (lastGranule - preSkip) / 48000.0;
    }

    static int crc(byte[] data) {
        int crc = 0;
        for (byte d : data) {
            crc ^= (d & 0xff) << 24;
            for (int i = 0; i < 8; i++) crc = (crc & 0x80000000) != 0 ? (crc << 1) ^ 0x04c11db7 : crc << 1;
        }
        return crc;
    }
}
