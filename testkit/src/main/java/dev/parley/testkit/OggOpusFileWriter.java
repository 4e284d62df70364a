package dev.parley.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes Opus packets made by a test as an Ogg Opus file (RFC 7845) in the plainest valid layout: the
 * two headers on pages of their own, then one page per packet with its granule position, the last
 * page flagged end-of-stream. Independent of the server's recording writer, so that a file it makes
 * tests the packets, not the writer, when another tool (opusdec, opusinfo) reads it.
 */
public final class OggOpusFileWriter {
    private OggOpusFileWriter() {}

    /**
     * @param preSkip          48 kHz samples the player drops at the start (the encoder's look-ahead)
     * @param inputRateHz      the rate the encoder ran at (OpusHead; informational)
     * @param packets          the mono audio packets, in order
     * @param samplesPerPacket 48 kHz samples each packet decodes to
     */
    public static void write(Path file, int preSkip, int inputRateHz, List<byte[]> packets, int samplesPerPacket)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int serial = 0x50617231, sequence = 0;
        ByteBuffer head = ByteBuffer.allocate(19).order(ByteOrder.LITTLE_ENDIAN);
        head.put("OpusHead".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 1)
                .putShort((short) preSkip).putInt(inputRateHz).putShort((short) 0).put((byte) 0);
        page(out, 2, 0, serial, sequence++, head.array());
        byte[] vendor = "parley-testkit".getBytes(StandardCharsets.UTF_8);
        ByteBuffer tags = ByteBuffer.allocate(16 + vendor.length).order(ByteOrder.LITTLE_ENDIAN);
        tags.put("OpusTags".getBytes(StandardCharsets.US_ASCII)).putInt(vendor.length).put(vendor).putInt(0);
        page(out, 0, 0, serial, sequence++, tags.array());
        // RFC 7845 §4: a page's granule counts every sample decoded so far, the pre-skip included.
        long granule = 0;
        for (int i = 0; i < packets.size(); i++) {
            granule += samplesPerPacket;
            page(out, i == packets.size() - 1 ? 4 : 0, granule, serial, sequence++, packets.get(i));
        }
        Files.write(file, out.toByteArray());
    }

    /** One page holding one whole packet (RFC 3533 §6); a packet of L bytes takes L/255 + 1 segments. */
    private static void page(ByteArrayOutputStream out, int type, long granule, int serial, int sequence, byte[] packet) {
        int segments = packet.length / 255 + 1;
        if (segments > 255) throw new IllegalArgumentException("a packet of " + packet.length + " bytes needs two pages");
        ByteBuffer p = ByteBuffer.allocate(27 + segments + packet.length).order(ByteOrder.LITTLE_ENDIAN);
        p.put("OggS".getBytes(StandardCharsets.US_ASCII)).put((byte) 0).put((byte) type).putLong(granule)
                .putInt(serial).putInt(sequence).putInt(0).put((byte) segments);
        for (int s = 0; s < segments - 1; s++) p.put((byte) 255);
        p.put((byte) (packet.length % 255)).put(packet);
        byte[] bytes = p.array();
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(22, OggOpusFile.crc(bytes));
        out.writeBytes(bytes);
    }
}
