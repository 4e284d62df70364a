package dev.parley.testkit;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.Objects;

/**
 * A loopback UDP port between a client and a server: what arrives from the server goes to the client
 * through one {@link ImpairedLink}, what arrives from anyone else goes to the server through the other
 * (and makes its sender the client, as symmetric RTP does). Both sides see the relay's port as the
 * other's address, so the relay stays on the path in both directions.
 *
 * <p>An optional {@link Rewriter} sees every datagram first (the SIP relay rewrites SDP with it).
 * Datagrams toward a side whose address is not known yet are dropped. One receiving thread.
 */
public final class UdpRelay implements AutoCloseable {

    /** Which way a datagram travels. */
    public enum Direction { TO_SERVER, TO_CLIENT }

    /** Changes a datagram on its way; returns the bytes to forward (may be the same array). */
    @FunctionalInterface
    public interface Rewriter {
        byte[] rewrite(byte[] datagram, int length, Direction direction);
    }

    private final DatagramSocket socket;
    private final ImpairedLink toServer;
    private final ImpairedLink toClient;
    private final Rewriter rewriter;
    private final Thread receiver;
    private volatile InetSocketAddress server;
    private volatile InetSocketAddress client;
    private volatile boolean closed;

    private UdpRelay(DatagramSocket socket, Impairment towardServer, Impairment towardClient, Rewriter rewriter) {
        this.socket = socket;
        this.rewriter = rewriter;
        int port = socket.getLocalPort();
        this.toServer = new ImpairedLink(port + "-up", towardServer, (d, n) -> send(d, n, server));
        this.toClient = new ImpairedLink(port + "-down", towardClient, (d, n) -> send(d, n, client));
        this.receiver = Thread.ofPlatform().daemon().name("udp-relay-" + port).start(this::receive);
    }

    /** Binds 127.0.0.1:{@code port}; {@code rewriter} may be null. */
    public static UdpRelay open(int port, Impairment towardServer, Impairment towardClient, Rewriter rewriter)
            throws IOException {
        DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", port));
        s.setSoTimeout(100);
        s.setReceiveBufferSize(1 << 20);
        return new UdpRelay(s, towardServer, towardClient, rewriter);
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Where datagrams from the client go; datagrams from this address go to the client. */
    public void server(InetSocketAddress server) {
        this.server = Objects.requireNonNull(server);
    }

    /** Where datagrams from the server go, until the client sends from another address. */
    public void client(InetSocketAddress client) {
        this.client = Objects.requireNonNull(client);
    }

    public ImpairedLink.Stats towardServer() {
        return toServer.stats();
    }

    public ImpairedLink.Stats towardClient() {
        return toClient.stats();
    }

    @Override
    public void close() {
        closed = true;
        socket.close();
        toServer.close();
        toClient.close();
        try {
            receiver.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(byte[] datagram, int length, InetSocketAddress to) throws IOException {
        if (to != null) socket.send(new DatagramPacket(datagram, length, to));
    }

    private void receive() {
        byte[] buf = new byte[65536];
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
            InetSocketAddress from = (InetSocketAddress) dp.getSocketAddress();
            Direction d = from.equals(server) ? Direction.TO_CLIENT : Direction.TO_SERVER;
            if (d == Direction.TO_SERVER) client = from;
            byte[] data = buf;
            int length = dp.getLength();
            if (rewriter != null) {
                data = rewriter.rewrite(buf, length, d);
                if (data != buf) length = data.length;
            }
            (d == Direction.TO_SERVER ? toServer : toClient).offer(data, length);
        }
    }
}
