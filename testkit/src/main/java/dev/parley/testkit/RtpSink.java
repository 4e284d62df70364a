package dev.parley.testkit;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A UDP port that records the RTP packets arriving on it, with their arrival time, so a test can
 * stand in for a member's media: put {@link #port()} in the SDP a signalling tool (sipp) sends,
 * and check afterwards what the server sent and when. G.711 payloads decode to audio.
 *
 * <p>One receiver thread; the accessors return snapshots and may be called from any thread.
 * Packets that are not RTP version 2 are counted in {@link #ignored()} and otherwise dropped.
 */
public final class RtpSink implements AutoCloseable {

    /** An RTP packet as received (RFC 3550 §5.1); {@code payload} excludes header, CSRCs and extension. */
    public record Packet(long arrivalNanos, int payloadType, boolean marker, int sequence, long timestamp,
                         long ssrc, byte[] payload, InetSocketAddress source) {}

    private final DatagramSocket socket;
    private final Thread receiver;
    private final List<Packet> packets = new ArrayList<>();
    private volatile int ignored;
    private volatile boolean closed;

    private RtpSink(DatagramSocket socket) {
        this.socket = socket;
        this.receiver = Thread.ofPlatform().daemon().name("rtp-sink-" + socket.getLocalPort()).start(this::receive);
    }

    /** Binds 127.0.0.1:{@code port} (0 for any free port). */
    public static RtpSink open(int port) throws IOException {
        DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", port));
        s.setSoTimeout(100);
        s.setReceiveBufferSize(1 << 20);
        return new RtpSink(s);
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Sends a datagram from this port, e.g. RTP of our own so the server sees media from the member. */
    public void send(byte[] datagram, InetSocketAddress to) throws IOException {
        socket.send(new DatagramPacket(datagram, datagram.length, to));
    }

    public List<Packet> packets() {
        synchronized (packets) {
            return List.copyOf(packets);
        }
    }

    /** Packets that arrived in {@code [fromNanos, toNanos)} ({@link System#nanoTime()} clock). */
    public List<Packet> between(long fromNanos, long toNanos) {
        return packets().stream().filter(p -> p.arrivalNanos() >= fromNanos && p.arrivalNanos() < toNanos).toList();
    }

    /**
     * The decoded G.711 audio (PT 0 or 8) of the packets that arrived in {@code [fromNanos, toNanos)},
     * in arrival order, back to back: gaps in arrival are not filled.
     */
    public Wav audioBetween(long fromNanos, long toNanos) {
        short[] all = new short[0];
        for (Packet p : between(fromNanos, toNanos)) {
            if (p.payloadType() != G711.PT_PCMU && p.payloadType() != G711.PT_PCMA) continue;
            short[] s = G711.decode(p.payload(), 0, p.payload().length, p.payloadType());
            int at = all.length;
            all = Arrays.copyOf(all, at + s.length);
            System.arraycopy(s, 0, all, at, s.length);
        }
        return new Wav(8000, all);
    }

    /** Datagrams that were not RTP. */
    public int ignored() {
        return ignored;
    }

    @Override
    public void close() {
        closed = true;
        socket.close();
        try {
            receiver.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void receive() {
        byte[] buf = new byte[2048];
        DatagramPacket dp = new DatagramPacket(buf, buf.length);
        while (!closed) {
            try {
                dp.setLength(buf.length);
                socket.receive(dp);
            } catch (SocketTimeoutException e) {
                continue;
            } catch (IOException e) {
                return; // closed
            }
            Packet p = parse(buf, dp.getLength(), System.nanoTime(), (InetSocketAddress) dp.getSocketAddress());
            if (p == null) {
                ignored++;
            } else {
                synchronized (packets) {
                    packets.add(p);
                }
            }
        }
    }

    /** Parses an RTP packet, or null if it is not one. */
    static Packet parse(byte[] b, int length, long arrivalNanos, InetSocketAddress source) {
        if (length < 12 || (b[0] & 0xc0) != 0x80) return null;
        int csrcCount = b[0] & 0x0f;
        int offset = 12 + 4 * csrcCount;
        if ((b[0] & 0x10) != 0) { // header extension: 4-byte header, then length in 32-bit words
            if (offset + 4 > length) return null;
            offset += 4 + 4 * (((b[offset + 2] & 0xff) << 8) | (b[offset + 3] & 0xff));
        }
        int end = length;
        if ((b[0] & 0x20) != 0) end -= b[length - 1] & 0xff; // padding
        if (offset > end) return null;
        int pt = b[1] & 0x7f;
        boolean marker = (b[1] & 0x80) != 0;
        int seq = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        long ts = readUint32(b, 4);
        long ssrc = readUint32(b, 8);
        return new Packet(arrivalNanos, pt, marker, seq, ts, ssrc, Arrays.copyOfRange(b, offset, end), source);
    }

    private static long readUint32(byte[] b, int at) {
        return ((long) (b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }
}
