package dev.parley.testkit;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hand-written SIP over UDP, for messages no well-behaved client would send (torture tests). Sends
 * bytes exactly as given and collects what comes back. Not thread-safe; one test, one instance.
 */
public final class RawSip implements AutoCloseable {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)}");

    private final DatagramSocket socket;
    private final List<String> received = new ArrayList<>();

    private RawSip(DatagramSocket socket) {
        this.socket = socket;
    }

    /** Binds 127.0.0.1:{@code port} (0 for any free port). */
    public static RawSip open(int port) throws IOException {
        return new RawSip(new DatagramSocket(new InetSocketAddress("127.0.0.1", port)));
    }

    public int localPort() {
        return socket.getLocalPort();
    }

    /**
     * Fills {@code ${name}} placeholders from {@code values} and turns bare LF line ends into CRLF,
     * as SIP requires; a file of test data can then be kept with ordinary line ends. An unknown
     * placeholder is an error.
     */
    public static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            if (v == null) throw new IllegalArgumentException("no value for ${" + m.group(1) + "}");
            m.appendReplacement(b, Matcher.quoteReplacement(v));
        }
        m.appendTail(b);
        return b.toString().replace("\r\n", "\n").replace("\n", "\r\n");
    }

    public void send(String message, int port) throws IOException {
        sendBytes(message.getBytes(StandardCharsets.UTF_8), port);
    }

    /** Sends {@code bytes} as one datagram, as they are (torture messages hold NUL, DEL and raw UTF-8). */
    public void sendBytes(byte[] bytes, int port) throws IOException {
        socket.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress("127.0.0.1", port)));
    }

    /**
     * The first datagram (as text) that arrives within {@code timeout} and matches {@code wanted};
     * others are kept in {@link #received()}.
     */
    public Optional<String> await(Predicate<String> wanted, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buf = new byte[65536];
        while (true) {
            long leftMs = (deadline - System.nanoTime()) / 1_000_000;
            if (leftMs <= 0) return Optional.empty();
            socket.setSoTimeout((int) Math.max(1, leftMs));
            DatagramPacket dp = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(dp);
            } catch (SocketTimeoutException e) {
                return Optional.empty();
            }
            String text = new String(dp.getData(), 0, dp.getLength(), StandardCharsets.UTF_8);
            received.add(text);
            if (wanted.test(text)) return Optional.of(text);
        }
    }

    /** The first final response (status 200-699) within {@code timeout}; provisional ones are skipped. */
    public Optional<String> awaitFinalResponse(Duration timeout) throws IOException {
        return await(t -> statusCode(t) >= 200, timeout);
    }

    /** Everything received so far, in order. */
    public List<String> received() {
        return List.copyOf(received);
    }

    /** The status code of a response, or -1 if {@code message} is not a response. */
    public static int statusCode(String message) {
        if (!message.startsWith("SIP/2.0 ") || message.length() < 11) return -1;
        try {
            return Integer.parseInt(message.substring(8, 11));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * The value of the first header {@code name} (case-insensitive, full name only, no folding),
     * trimmed, or null. Looks only at the header section.
     */
    public static String header(String message, String name) {
        int end = message.indexOf("\r\n\r\n");
        String head = end < 0 ? message : message.substring(0, end);
        for (String line : head.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    /** The method in the CSeq header ({@code INVITE}, {@code CANCEL}, ...), or null. */
    public static String cseqMethod(String message) {
        String cseq = header(message, "CSeq");
        if (cseq == null) return null;
        String[] parts = cseq.split("\\s+");
        return parts.length == 2 ? parts[1] : null;
    }

    @Override
    public void close() {
        socket.close();
    }
}
